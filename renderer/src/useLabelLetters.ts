/// The "Label letters" view setting: each highlight starts with its label's abbreviation, so that
/// labels are told apart by more than colour. Remembered in localStorage; shown by the
/// `data-label-letters` attribute on the root element, which annotations.css reads.
import { useEffect, useState } from 'react';

const STORAGE_KEY = 'awb.labelLetters';

function remembered(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage refused (a privacy setting): the default
  }
}

/// Whether label letters are shown, and a setter that remembers the choice.
export function useLabelLetters(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(remembered);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-label-letters', shown);
    try {
      window.localStorage.setItem(STORAGE_KEY, shown ? 'on' : 'off');
    } catch {
      // Not remembered; still shown for this session.
    }
  }, [shown]);
  return [shown, setShown];
}
