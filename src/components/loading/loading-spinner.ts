import { css, html, type TemplateResult } from 'lit';
import { styleMap } from '../../internal/style-map.js';

/**
 * Dash's five spinners, drawn with CSS only and still under prefers-reduced-motion: loaded the
 * first time a `<dash-loading>` shows one (most pages never do), as a lazy chunk.
 */

export type SpinnerType = 'default' | 'circle' | 'dot' | 'cube' | 'graph';

/** How many pieces each spinner draws. */
const PIECES: Record<SpinnerType, number> = { default: 8, circle: 1, dot: 3, cube: 4, graph: 4 };

/** The pieces of a spinner (the `.spinner` box around them is the element's). */
export function spinnerPieces(type: SpinnerType): TemplateResult[] {
  return Array.from({ length: PIECES[type] }, (_, i) => html`<span style=${styleMap({ '--_i': i })}></span>`);
}

export const spinnerStyles = css`
  .spinner {
    position: relative;
    width: 40px;
    height: 40px;
  }
  .spinner span {
    position: absolute;
    display: block;
    background: var(--_c);
    animation: var(--_anim) 1.2s infinite ease-in-out both;
    animation-delay: calc(var(--_i) * -0.15s);
  }
  /* default: eight dots around a circle, fading in turn */
  .default span {
    --_anim: fade;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    left: 16px;
    top: 16px;
    transform: rotate(calc(var(--_i) * 45deg)) translateY(-16px);
  }
  /* circle: a turning ring */
  .circle span {
    --_anim: turn;
    inset: 0;
    background: none;
    border: 4px solid color-mix(in srgb, var(--_c) 25%, transparent);
    border-top-color: var(--_c);
    border-radius: 50%;
    animation-timing-function: linear;
  }
  /* dot: three bouncing dots */
  .dot {
    display: flex;
    gap: 6px;
    align-items: center;
    width: auto;
  }
  .dot span {
    --_anim: bounce;
    position: static;
    width: 10px;
    height: 10px;
    border-radius: 50%;
  }
  /* cube: four squares folding */
  .cube span {
    --_anim: fold;
    width: 18px;
    height: 18px;
    left: calc(mod(var(--_i), 2) * 20px);
    top: calc(round(down, var(--_i) / 2) * 20px);
  }
  /* graph: four rising bars */
  .graph {
    display: flex;
    gap: 4px;
    align-items: flex-end;
  }
  .graph span {
    --_anim: rise;
    position: static;
    width: 7px;
    height: 100%;
    transform-origin: bottom;
  }
  @keyframes fade {
    0%, 100% { opacity: 0.2; }
    40% { opacity: 1; }
  }
  @keyframes turn {
    to { transform: rotate(360deg); }
  }
  @keyframes bounce {
    0%, 80%, 100% { transform: scale(0.4); }
    40% { transform: scale(1); }
  }
  @keyframes fold {
    0%, 100% { opacity: 0.25; transform: scale(0.8); }
    50% { opacity: 1; transform: scale(1); }
  }
  @keyframes rise {
    0%, 100% { transform: scaleY(0.3); }
    50% { transform: scaleY(1); }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner span {
      animation: none;
      opacity: 0.8;
    }
  }
`;
