import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RegistrationView } from '~/domain';
import { bothLanguages, type RegistrationRow } from './registration-fields';

/**
 * The registration data, Chinese and English side by side in every locale (the
 * registration office reads Chinese; a foreign party reads English). A missing
 * credit code its organisation may add links to where it is added.
 */
export function RegistrationTable({ rows }: { rows: RegistrationRow[] }) {
  const { t } = useTranslation();
  const tr = bothLanguages();
  return (
    <table className="registration-table">
      <thead>
        <tr>
          <th scope="col" lang="zh-CN">
            {tr['zh-CN']('dealRegistration.csv.label')}
          </th>
          <th scope="col" lang="zh-CN">
            {tr['zh-CN']('dealRegistration.csv.value')}
          </th>
          <th scope="col" lang="en">
            {tr.en('dealRegistration.csv.label')}
          </th>
          <th scope="col" lang="en">
            {tr.en('dealRegistration.csv.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" lang="zh-CN">
              {row.label.zh}
            </th>
            <td lang="zh-CN">
              {row.value.zh}
              {row.addCreditCode ? (
                <>
                  {' '}
                  <Link to="/account#credit-code" className="no-print">
                    {t('dealRegistration.addCreditCode')}
                  </Link>
                </>
              ) : null}
            </td>
            <th scope="row" lang="en">
              {row.label.en}
            </th>
            <td lang="en">{row.value.en}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why there is no table: a deal that is no technology contract, or one not paid for yet. */
export function NoRegistration({ state }: { state: RegistrationView['state'] }) {
  const tr = bothLanguages();
  const key = `dealRegistration.${state === 'not_technology_contract' ? 'notTechnologyContract' : 'unavailable'}`;
  return (
    <div className="card">
      <p lang="zh-CN">{tr['zh-CN'](key)}</p>
      <p lang="en">{tr.en(key)}</p>
    </div>
  );
}
