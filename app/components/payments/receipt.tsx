import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RegistrationRow, Translators } from '~/components/deals/registration-fields';
import { bothLanguages } from '~/components/deals/registration-fields';
import { RegistrationTable } from '~/components/deals/registration-table';
import type { ReceiptView } from '~/domain';
import { formatDate, formatMoney, pickText, type Bilingual, type Money } from '~/utils/format';

// A receipt, Chinese and English side by side whatever the reader's language
// (either party may need to show it to an accountant reading only one), in the
// registration page's bilingual table, printable on A4.

/** A receipt is the organizations' business: no shared cache keeps one (loader and document alike). */
export const RECEIPT_HEADERS = { 'Cache-Control': 'private, no-store' };

type Row = RegistrationRow;

function rowsOf(r: ReceiptView, tr: Translators): Row[] {
  const label = (key: string) => ({ zh: tr['zh-CN'](`receipts.${key}`), en: tr.en(`receipts.${key}`) });
  const text = (b: Bilingual) => ({ zh: pickText(b, 'zh-CN').text, en: pickText(b, 'en').text });
  const same = (value: string) => ({ zh: value, en: value });
  const money = (m: Money) => ({ zh: formatMoney(m, 'zh-CN'), en: formatMoney(m, 'en') });
  const alliance = { zh: tr['zh-CN']('meta.siteName'), en: tr.en('meta.siteName') };
  const purpose = label(`purpose.${r.purpose}`);
  const description = text(r.description);
  const provider = label(`provider.${r.provider}`);
  const rows: (Row | null)[] = [
    { key: 'number', label: label('number'), value: same(r.number) },
    r.kind === 'refund' ? { key: 'reference', label: label('reference'), value: same(r.reference) } : null,
    { key: 'date', label: label('date'), value: { zh: formatDate(r.date, 'zh-CN'), en: formatDate(r.date, 'en') } },
    { key: 'payer', label: label('payer'), value: text(r.payer.name) },
    { key: 'payee', label: label('payee'), value: r.payee ? text(r.payee.name) : alliance },
    {
      key: 'for',
      label: label('for'),
      value: { zh: `${purpose.zh}：${description.zh}`, en: `${purpose.en}: ${description.en}` },
    },
    { key: 'amount', label: label('amount'), value: money(r.amount) },
    r.fee ? { key: 'fee', label: label('fee'), value: money(r.fee) } : null,
    r.net ? { key: 'net', label: label('net'), value: money(r.net) } : null,
    {
      key: 'provider',
      label: label('provider.label'),
      value: r.providerReference
        ? { zh: `${provider.zh}（${r.providerReference}）`, en: `${provider.en} (${r.providerReference})` }
        : provider,
    },
    r.refund ? { key: 'refundAmount', label: label('refundAmount'), value: money(r.refund.amount) } : null,
    r.refund ? { key: 'refundReason', label: label('refundReason'), value: same(r.refund.reason) } : null,
    r.refund?.providerReference
      ? { key: 'refundReference', label: label('refundReference'), value: same(r.refund.providerReference) }
      : null,
    { key: 'refunded', label: label('refunded'), value: money(r.refunded) },
  ];
  return rows.filter((row): row is Row => row !== null);
}

export function Receipt({ receipt }: { receipt: ReceiptView }) {
  const { t } = useTranslation();
  const tr = bothLanguages();
  const title = receipt.kind === 'refund' ? 'receipts.refundTitle' : 'receipts.title';
  return (
    <article className="registration">
      <h1>
        <span lang="zh-CN">{tr['zh-CN'](title)}</span> <span lang="en">{tr.en(title)}</span>
      </h1>
      <p className="no-print">
        {receipt.dealId ? <Link to={`/deals/${receipt.dealId}`}>{t('receipts.backToDeal')}</Link> : null}
        {receipt.dealId ? ' · ' : null}
        {t('receipts.printHint')}
      </p>
      <RegistrationTable rows={rowsOf(receipt, tr)} />
      <p>
        <span lang="zh-CN">{tr['zh-CN']('receipts.issuedBy')}</span> <span lang="en">{tr.en('receipts.issuedBy')}</span>
      </p>
    </article>
  );
}
