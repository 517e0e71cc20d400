import { css } from 'lit';

/** The overlay and Dash's five spinners, drawn with CSS only; still under prefers-reduced-motion. */
export const loadingStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  .overlay {
    --_c: var(--_color, var(--dash-loading-color, #119dff));
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    min-height: 48px;
    z-index: 1;
  }
  :host([fullscreen]) .overlay {
    position: fixed;
    z-index: 10000;
    background: var(--dash-loading-fullscreen-background, light-dark(rgb(255 255 255 / 0.7), rgb(13 17 23 / 0.7)));
    color-scheme: light dark;
  }
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
