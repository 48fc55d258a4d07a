import { useCallback, useEffect, useState } from 'react';
import { apiCall } from '../dataProvider';

export interface ApiState<T> {
  data: T | undefined;
  error: (Error & { status?: number }) | undefined;
  loading: boolean;
  reload: () => void;
}

/** GET a path of the API (null: nothing to load yet); reloads when the path changes. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error & { status?: number }; loading: boolean }>({
    loading: path !== null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    apiCall<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error & { status?: number }) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
