/** class-transformer `@Transform` functions shared by request DTOs; values other than strings pass unchanged. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
