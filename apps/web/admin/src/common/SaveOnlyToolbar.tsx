import { SaveButton, Toolbar } from 'react-admin';

/** Files cannot be deleted, and clients are archived from their page, so forms only save. */
export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}
