import { useEffect, useRef } from 'react';

/**
 * Moves the focus to a page's heading when the page (or its step) changes, so a screen reader announces where the
 * client now is. The heading needs tabIndex={-1}.
 */
export function useHeadingFocus<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
