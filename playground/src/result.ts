// The value of the program's last bare expression: its repr in the output, as a REPL shows
// it, and its rich form (HTML, SVG, PNG) under the output when it has one. Rich HTML goes in
// a sandboxed frame with scripts off, sized to its content.
import type { Output } from './output';
import type { Display } from './protocol';

export function showResult(display: Display, output: Output, box: HTMLElement) {
  output.append('result', `${display.text}\n`);
  const html = display.html ?? display.svg;
  if (html !== undefined) {
    const frame = document.createElement('iframe');
    frame.title = 'Rich output of the last expression';
    // Same origin (to size it) but no scripts: the HTML cannot act.
    frame.sandbox.add('allow-same-origin');
    frame.srcdoc = `<!doctype html><meta charset="utf-8"><style>body{margin:0.4rem;font-family:system-ui,sans-serif;color:#1f2937}</style>${html}`;
    frame.addEventListener('load', () => {
      // The body's height (the document's is at least the frame's own).
      const height = frame.contentDocument?.body.getBoundingClientRect().height ?? 150;
      frame.style.height = `${Math.min(Math.ceil(height) + 16, 480)}px`;
      box.scrollIntoView({ block: 'nearest' });
    });
    box.replaceChildren(frame);
    box.hidden = false;
  } else if (display.png) {
    const image = document.createElement('img');
    image.alt = display.text;
    image.src = `data:image/png;base64,${display.png}`;
    box.replaceChildren(image);
    box.hidden = false;
    box.scrollIntoView({ block: 'nearest' });
  }
}

export function clearResult(box: HTMLElement) {
  box.replaceChildren();
  box.hidden = true;
}
