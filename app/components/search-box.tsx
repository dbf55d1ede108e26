import { useNavigate } from '@remix-run/react';
import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '~/root';
import { pickText } from '~/utils/format';

// The query box: a plain `q` field for the form, and with JavaScript an ARIA
// combobox offering listing titles (arrow keys choose, Enter opens the listing).

/** Quicker than the results: suggestions are small and should keep up with typing. */
const SUGGEST_DELAY_MS = 150;

/** What GET /listings/suggest answers (app/routes/listings.suggest.ts). */
interface Suggestion {
  id: string;
  title_zh: string;
  title_en: string;
}

/**
 * Titles for what is typed, by a plain fetch: a Remix fetcher would be
 * revalidated by every navigation of the results, and one started before the
 * route was discovered is revalidated against the catch-all route, whose 404
 * replaced the page (remix-run/remix#10263).
 */
function useSuggestions() {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const timer = useRef<number>();
  const inFlight = useRef<AbortController>();
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );
  const load = async (q: string) => {
    inFlight.current?.abort(); // an older answer must not overwrite a newer one
    const controller = (inFlight.current = new AbortController());
    try {
      const response = await fetch(`/listings/suggest?${new URLSearchParams({ q })}`, { signal: controller.signal });
      if (response.ok) setSuggestions(((await response.json()) as { suggestions: Suggestion[] }).suggestions);
    } catch {
      // Aborted by the next keystroke, or offline: the box works without suggestions.
    }
  };
  const request = (text: string) => {
    window.clearTimeout(timer.current);
    const q = text.trim().slice(0, 100);
    if (q) timer.current = window.setTimeout(() => void load(q), SUGGEST_DELAY_MS);
  };
  return { suggestions, request };
}

export function SearchBox({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const id = useId();
  const { suggestions, request } = useSuggestions();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && suggestions.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const suggestFor = (text: string) => {
    request(text);
    setOpen(text.trim() !== '');
    setActive(-1);
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    // Pinyin and other input methods type letters that are not the query yet.
    if (!(event.nativeEvent as InputEvent).isComposing) suggestFor(event.currentTarget.value);
  };
  const openListing = (listingId: string) => {
    setOpen(false);
    navigate(`/listings/${listingId}`);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        setOpen(true);
        const down = event.key === 'ArrowDown';
        setActive((i) => (down ? (i + 1) % count : i <= 0 ? count - 1 : i - 1));
        return;
      }
      case 'Enter':
        setOpen(false);
        // A chosen title opens its listing; otherwise Enter submits the words.
        if (expanded && active >= 0) {
          event.preventDefault();
          openListing(suggestions[active]!.id);
        }
        return;
      case 'Escape':
        if (!expanded) return;
        event.preventDefault();
        setOpen(false);
    }
  };

  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="search-box">
      <label htmlFor={id} className="search-box__label">
        {t('listings.searchLabel')}
      </label>
      <div className="search-box__row">
        <div className="search-box__combo">
          <input
            id={id}
            type="search"
            name="q"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={`${id}-listbox`}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            defaultValue={defaultValue}
            maxLength={200}
            autoComplete="off"
            placeholder={t('listings.searchPlaceholder')}
            onChange={onChange}
            onCompositionEnd={(event) => suggestFor(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul id={`${id}-listbox`} role="listbox" aria-label={t('listings.suggestions')} hidden={!expanded}>
            {suggestions.map((suggestion, index) => {
              const title = pickText({ zh: suggestion.title_zh, en: suggestion.title_en }, locale);
              return (
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- keys stay in the combobox (aria-activedescendant)
                <li
                  key={suggestion.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  lang={title.lang}
                  // Keep the focus in the box so the list does not close before the click lands.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => openListing(suggestion.id)}
                >
                  {title.text}
                </li>
              );
            })}
          </ul>
        </div>
        <button type="submit" className="button">
          {t('listings.search')}
        </button>
      </div>
      {error ? (
        <p id={describedBy} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
