// Light, dark, or as the system says (prefers-color-scheme): a button cycles through them,
// the choice is kept in localStorage and set as `data-theme` on <html>, which the styles read.

const KEY = 'phicode-theme';
const ORDER = ['auto', 'light', 'dark'] as const;
type Theme = (typeof ORDER)[number];
const LABEL: Record<Theme, string> = { auto: '◐ Auto', light: '☀ Light', dark: '☾ Dark' };

function apply(button: HTMLButtonElement, theme: Theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = LABEL[theme];
  button.setAttribute('aria-label', `Colour theme: ${theme === 'auto' ? 'as the system' : theme} (change)`);
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
