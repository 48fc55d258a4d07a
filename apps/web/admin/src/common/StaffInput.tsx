import { useEffect, useState } from 'react';
import { SelectInput, useRecordContext } from 'react-admin';
import { listAll } from '../dataProvider';
import { session, type StaffUser } from '../session';

interface Person {
  id: string;
  name: string;
}

let cache: Promise<Person[]> | null = null;

/**
 * Staff a record can be assigned to. Admins may read the staff list; others only know themselves (and the
 * person already on the record), which is all the API lets them assign anyway.
 */
export function loadStaff(): Promise<Person[]> {
  const me = session.user;
  if (me?.role !== 'admin') {
    return Promise.resolve(me ? [{ id: me.id, name: me.name }] : []);
  }
  cache ??= listAll<StaffUser>('/api/users')
    .then((users) =>
      users.filter((u) => u.isActive).map((u) => ({ id: u.id, name: `${u.name} (${u.role})` })),
    )
    .catch(() => {
      cache = null;
      return [{ id: me.id, name: me.name }];
    });
  return cache;
}

export function forgetStaff(): void {
  cache = null;
}

export function useStaff(): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    void loadStaff().then((list) => live && setPeople(list));
    return () => {
      live = false;
    };
  }, []);
  return people;
}

/** A select of staff members; `nameSource` names the record's current person when it is not in the list. */
export function StaffInput({
  source,
  label,
  alwaysOn,
  nameSource,
}: {
  source: string;
  label?: string;
  alwaysOn?: boolean;
  nameSource?: string;
}) {
  const people = useStaff();
  const record = useRecordContext();
  const currentId = record?.[source] as string | undefined;
  const currentName = nameSource ? (record?.[nameSource] as { name?: string } | undefined)?.name : undefined;
  const choices =
    currentId && !people.some((p) => p.id === currentId)
      ? [...people, { id: currentId, name: currentName ?? currentId }]
      : people;
  return <SelectInput source={source} label={label} choices={choices} alwaysOn={alwaysOn} emptyText="—" />;
}
