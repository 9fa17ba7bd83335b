// The work kept in this browser (localStorage): the program, the dialect, what the program
// was when last loaded (to tell whether it was edited), and the layout (panels open or not).
// Saved as it changes, restored on reload; a shared link in the URL wins over it.

const KEY = 'phicode-work';

export interface Work {
  code: string;
  dialect: string;
  /** The program as last loaded from an example or a link: differing from it means edited. */
  loaded: string;
  palette?: boolean;
  dialectOpen?: boolean;
  welcome?: boolean;
}

export function restore(): Work | undefined {
  try {
    const work = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Work | null;
    return work && typeof work.code === 'string' && typeof work.dialect === 'string' ? work : undefined;
  } catch {
    return undefined; // unreadable (or storage refused): start afresh
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Saves soon (typing saves once it pauses), or now with `now`. */
export function save(work: () => Work, now = false) {
  clearTimeout(timer);
  const write = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(work()));
    } catch {
      // Storage full or refused (private mode): the page works on, unsaved.
    }
  };
  if (now) write();
  else timer = setTimeout(write, 300);
}
