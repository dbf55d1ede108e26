import type { ReactNode } from 'react';
import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '~/components/forms';
import type { DataRoomRecord, DocumentDto, ListingDto, NdaAccess } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, formatFileSize, pickText } from '~/utils/format';

// The listing's documents and data room: public documents for everyone who
// may see the listing; the confidential section and documents inside the
// data room (owner, operators, organizations that accepted the NDA); the NDA
// to accept for everyone else; and, for the owner, who accepted and who
// downloaded what.

function DocumentList({ listingId, documents }: { listingId: string; documents: DocumentDto[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="documents">
      {documents.map((d) => (
        <li key={d.id}>
          {/* A file download, not a page: no client-side navigation. */}
          <a href={`/listings/${listingId}/documents/${d.id}`} download>
            {d.name}
          </a>{' '}
          <span className="hint">
            {t(`documents.types.${d.contentType}`, { defaultValue: d.contentType })} · {formatFileSize(d.size, locale)}
            {d.visibility === 'confidential' ? ` · ${t('documents.visibilities.confidential')}` : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function NdaPanel({ listing, access }: { listing: ListingDto; access: NdaAccess }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const nda = pickText(listing.dataRoom.nda, locale);
  return (
    <div className="nda">
      <p>{t('dataRoom.closed', { count: listing.dataRoom.confidentialDocuments })}</p>
      <h3 id="nda-heading">{t('dataRoom.ndaHeading')}</h3>
      {/* Long text the reader must be able to scroll through with the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="nda__text prewrap" lang={nda.lang} tabIndex={0} aria-labelledby="nda-heading">
        {nda.text}
      </div>
      {access === 'may_accept' ? (
        <Form method="post" className="nda__accept">
          <FormError />
          <input type="hidden" name="intent" value="nda" />
          <button type="submit" className="button">
            {t('dataRoom.accept')}
          </button>
          <p className="hint">{t('dataRoom.acceptHint')}</p>
        </Form>
      ) : access === 'sign_in' ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('dataRoom.signIn')}</Link>
        </p>
      ) : (
        <p className="notice">{t('dataRoom.notAllowed')}</p>
      )}
    </div>
  );
}

type Party = DataRoomRecord['acceptances'][number];

interface PartyTableProps<P extends Party> {
  id: string;
  heading: string;
  empty: string;
  rows: P[];
  /** A first column before who, when and from where (the document downloaded). */
  lead?: { heading: string; cell: (row: P) => ReactNode };
}

/** One part of the owner's record: who (organisation, person, e-mail), when, and from which address. */
function PartyTable<P extends Party>({ id, heading, empty, rows, lead }: PartyTableProps<P>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const who = (p: Party) => {
    const org = p.organization ? pickText(p.organization.name, locale).text : t('dataRoom.anonymous');
    return p.user ? `${org} · ${p.user.name} (${p.user.email})` : org;
  };
  return (
    <>
      <h3 id={id}>{heading}</h3>
      {rows.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        // On a phone the table scrolls sideways: the keyboard must be able to scroll it too.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
          <table aria-labelledby={id}>
            <thead>
              <tr>
                {lead ? <th scope="col">{lead.heading}</th> : null}
                <th scope="col">{t('dataRoom.who')}</th>
                <th scope="col">{t('dataRoom.when')}</th>
                <th scope="col">{t('dataRoom.address')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.at}-${index}`}>
                  {lead ? <td>{lead.cell(row)}</td> : null}
                  <td>{who(row)}</td>
                  <td>{formatDateTime(row.at, locale)}</td>
                  <td>
                    <code>{row.ip}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RecordTables({ record }: { record: DataRoomRecord }) {
  const { t } = useTranslation();
  return (
    <>
      <PartyTable
        id="acceptances"
        heading={t('dataRoom.acceptances')}
        empty={t('dataRoom.noAcceptances')}
        rows={record.acceptances}
      />
      <PartyTable
        id="downloads"
        heading={t('dataRoom.downloads')}
        empty={t('dataRoom.noDownloads')}
        rows={record.downloads}
        lead={{
          heading: t('dataRoom.document'),
          cell: (d) => (
            <>
              {d.document.name} <span className="hint">({t(`documents.visibilities.${d.document.visibility}`)})</span>
            </>
          ),
        }}
      />
    </>
  );
}

interface DataRoomProps {
  listing: ListingDto;
  access: NdaAccess;
  /** The owner's and operators' record; null for everyone else. */
  record: DataRoomRecord | null;
}

export function DataRoom({ listing, access, record }: DataRoomProps) {
  const { t } = useTranslation();
  const publicDocuments = listing.documents.filter((d) => d.visibility === 'public');
  const confidentialDocuments = listing.documents.filter((d) => d.visibility === 'confidential');
  const { open, confidentialDocuments: hidden, confidentialSection } = listing.dataRoom;
  if (!open && !hidden && !confidentialSection && !publicDocuments.length) return null;
  return (
    <section aria-labelledby="data-room" id="data-room-section" className="data-room">
      <h2 id="data-room">{t('dataRoom.title')}</h2>
      {publicDocuments.length ? (
        <>
          <h3>{t('dataRoom.publicDocuments')}</h3>
          <DocumentList listingId={listing.id} documents={publicDocuments} />
        </>
      ) : null}
      {open ? (
        <div className="data-room__inside">
          <p className="hint">{t('dataRoom.insideNote')}</p>
          {listing.confidential?.details ? (
            <>
              <h3 id="confidential">{t('listing.confidential')}</h3>
              <p className="prewrap">{listing.confidential.details}</p>
            </>
          ) : null}
          <h3>{t('dataRoom.confidentialDocuments')}</h3>
          {confidentialDocuments.length ? (
            <DocumentList listingId={listing.id} documents={confidentialDocuments} />
          ) : (
            <p className="hint">{t('dataRoom.noConfidentialDocuments')}</p>
          )}
        </div>
      ) : hidden || confidentialSection ? (
        <NdaPanel listing={listing} access={access} />
      ) : null}
      {record ? <RecordTables record={record} /> : null}
    </section>
  );
}
