export function chromePath(): string | undefined;
