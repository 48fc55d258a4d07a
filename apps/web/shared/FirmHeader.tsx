import type { Schemas } from '@app/api-client';

export type Firm = Schemas['PublicFirmResponse'];

/**
 * The firm's logo, name, address and contact, as its admin set them (GET /api/public/firm); nothing when none is
 * set. Shared by the booking page and the client portal; `t` gives the words of the page's language.
 */
export function FirmHeader({
  firm,
  t,
}: {
  firm: Firm;
  t: (key: 'firmLogo' | 'contactPhone' | 'contactEmail') => string;
}) {
  if (!firm.name && !firm.logoUrl && !firm.address && !firm.phone && !firm.publicEmail) {
    return null;
  }
  return (
    <div className="firm" data-testid="firm-header">
      {firm.logoUrl && (
        <img
          className="firm-logo"
          src={firm.logoUrl}
          // Next to the name the logo says nothing more; alone it names the firm.
          alt={firm.name ? '' : t('firmLogo')}
        />
      )}
      <div className="firm-text">
        {firm.name && <p className="firm-name">{firm.name}</p>}
        {firm.address && (
          <p className="muted firm-address" data-testid="firm-address">
            {firm.address.split('\n').map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
          </p>
        )}
        {(firm.phone || firm.publicEmail) && (
          <p className="firm-contact">
            {firm.phone && (
              <a
                href={`tel:${firm.phone.replace(/[^\d+]/g, '')}`}
                aria-label={`${t('contactPhone')}: ${firm.phone}`}
              >
                {firm.phone}
              </a>
            )}
            {firm.phone && firm.publicEmail && <span aria-hidden="true"> · </span>}
            {firm.publicEmail && (
              <a href={`mailto:${firm.publicEmail}`}>
                <span className="sr-only">{t('contactEmail')}: </span>
                {firm.publicEmail}
              </a>
            )}
          </p>
        )}
      </div>
    </div>
  );
}
