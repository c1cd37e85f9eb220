/** The row just saved: DataTable highlights it and scrolls it into view (as the roster does after 保存), for a few seconds. */
import { useEffect, useState } from 'react';

const SHOWN_MS = 4000;

export function useSavedRow(): [string | null, (id: string) => void] {
  const [savedId, setSavedId] = useState<string | null>(null);
  useEffect(() => {
    if (!savedId) return;
    const timer = setTimeout(() => setSavedId(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedId]);
  return [savedId, setSavedId];
}
