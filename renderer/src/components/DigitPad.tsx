import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LAYOUT = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface DigitPadProps {
  /** Read out by screen readers and shown above the dots. */
  label: string;
  length?: number;
  disabled?: boolean;
  /** Called once with the digits when the last one is pressed; the pad then forgets them. */
  onComplete(digits: string): void;
}

/**
 * A PIN or passcode pad: telephone layout, masked dots, the keyboard's digits too. There is
 * deliberately no <input>: a browser can neither autofill nor remember what was typed, and the
 * digits live only in a ref until they are handed over, then the ref is emptied.
 */
export function DigitPad({ label, length = 4, disabled = false, onComplete }: DigitPadProps) {
  const { t } = useTranslation();
  const digits = useRef<string[]>([]);
  const [count, setCount] = useState(0);

  const press = useCallback(
    (digit: string) => {
      if (disabled || digits.current.length >= length) return;
      digits.current.push(digit);
      setCount(digits.current.length);
      if (digits.current.length === length) {
        const entered = digits.current.join('');
        digits.current.fill('');
        digits.current = [];
        setCount(0);
        onComplete(entered);
      }
    },
    [disabled, length, onComplete],
  );
  const erase = useCallback(() => {
    digits.current.pop();
    setCount(digits.current.length);
  }, []);
  const clear = useCallback(() => {
    digits.current.fill('');
    digits.current = [];
    setCount(0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Digits typed into a text field on the same screen belong to that field.
      if (e.altKey || e.ctrlKey || e.metaKey || (e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) return;
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        press(e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        erase();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, erase]);
  useEffect(() => clear, [clear]);

  return (
    <div className="digit-pad" role="group" aria-label={label}>
      <p className="digit-pad-label">{label}</p>
      <div className="digit-dots" data-testid="digit-dots" role="img" aria-label={t('pad.entered', { count, length })}>
        {Array.from({ length }, (_, i) => (
          <span key={i} className={i < count ? 'dot dot-filled' : 'dot'} />
        ))}
      </div>
      <div className="digit-keys">
        {LAYOUT.map((d) => (
          <button key={d} type="button" className={`button digit-key digit-${d}`} disabled={disabled} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="button digit-key digit-erase" disabled={disabled || count === 0} onClick={erase}>
          {t('pad.erase')}
        </button>
        <button type="button" className="button digit-key digit-0" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="button digit-key digit-clear" disabled={disabled || count === 0} onClick={clear}>
          {t('pad.clear')}
        </button>
      </div>
    </div>
  );
}
