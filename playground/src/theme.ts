// Light, dark, or as the system says (prefers-color-scheme): a button cycles through them,
// the choice is kept in localStorage and set as `data-theme` on <html>, which the styles read.

const KEY = 'phicode-theme';
const ORDER = ['auto', 'light', 'dark'] as const;
type Theme = (typeof ORDER)[number];
const ICON: Record<Theme, string> = { auto: '◐', light: '☀', dark: '☾' };

function apply(button: HTMLButtonElement, theme: Theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = `${ICON[theme]} `;
  button.replaceChildren(icon, `Theme: ${theme}`);
  button.title = theme === 'auto' ? 'Colours as the system prefers (click to change)' : 'Click to change the colours';
}

export function themeToggle(button: HTMLButtonElement) {
  const saved = localStorage.getItem(KEY) as Theme | null;
  let theme: Theme = saved && ORDER.includes(saved) ? saved : 'auto';
  apply(button, theme);
  button.addEventListener('click', () => {
    theme = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
    localStorage.setItem(KEY, theme);
    apply(button, theme);
  });
}
