import { Form, useLocation, useNavigationType, useSubmit, type Location } from '@remix-run/react';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

// The browse page's one GET form. Without JavaScript the browser submits it.
// With JavaScript the results follow the form: typing searches after a pause,
// ticking a box or choosing a sort at once, without a page load.

/** Long enough not to search for every keystroke, short enough to feel live. */
const TYPING_DELAY_MS = 250;

/** History entries written while typing carry this state, so the next keystroke replaces them. */
const TYPING_STATE = { typing: true };

const isTyping = (location: Location) => (location.state as typeof TYPING_STATE | null)?.typing === true;

/** The form's fields as a query string, blanks left out so URLs stay short. */
function formQuery(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim()) params.append(name, value);
  }
  return params;
}

const isTextField = (element: EventTarget) =>
  element instanceof HTMLInputElement && ['search', 'text', 'number'].includes(element.type);

/**
 * After a navigation (a chip, "clear all", back and forward) the fields show
 * what the URL asks. React keeps defaultValue/defaultChecked in step with the
 * loader data; a field the user has touched keeps its own value until reset.
 * The field being typed in is left alone, except after back or forward: the
 * box keeps its focus then, yet must show the query it went back to.
 */
function resetFieldsToDefaults(form: HTMLFormElement, { historyMove }: { historyMove: boolean }) {
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement)) continue;
    if (element === document.activeElement && !historyMove) continue;
    if (element.type === 'checkbox') element.checked = element.defaultChecked;
    else if (isTextField(element)) element.value = element.defaultValue;
  }
}

export function SearchForm({ className, children }: { className?: string; children: ReactNode }) {
  const submit = useSubmit();
  const location = useLocation();
  const navigationType = useNavigationType();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<number>();
  // The debounced search runs a render or two later; it must see where we are then.
  const here = useRef(location);

  useEffect(() => {
    here.current = location;
    if (form.current) resetFieldsToDefaults(form.current, { historyMove: navigationType === 'POP' });
  }, [location, navigationType]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = ({ typing }: { typing: boolean }) => {
    window.clearTimeout(timer.current);
    if (!form.current) return;
    const params = formQuery(form.current);
    const target = params.size ? `?${params}` : '';
    // A pause in typing refines the entry the typing began; a committed search
    // (Enter, a box, the sort) is a step the back button returns to, unless it
    // only confirms what is already shown.
    const replace = target === here.current.search || (typing && isTyping(here.current));
    submit(params, {
      method: 'get',
      action: '/listings',
      replace,
      preventScrollReset: true,
      state: typing ? TYPING_STATE : null,
    });
  };

  const searchAfterPause = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => search({ typing: true }), TYPING_DELAY_MS);
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (!isTextField(event.target)) search({ typing: false });
    // Wait for the input method to finish a word: pinyin letters are not the query.
    else if (!(event.nativeEvent as InputEvent).isComposing) searchAfterPause();
  };

  return (
    <Form
      ref={form}
      method="get"
      action="/listings"
      className={className}
      onChange={onChange}
      onCompositionEnd={searchAfterPause}
      onSubmit={(event) => {
        event.preventDefault();
        search({ typing: false });
      }}
    >
      {children}
    </Form>
  );
}
