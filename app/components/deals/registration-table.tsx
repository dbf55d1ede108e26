import { Link } from '@remix-run/react';
import type { RegistrationView } from '~/domain';
import { bothLanguages, type RegistrationRow } from './registration-fields';

/**
 * The registration data, Chinese and English side by side in every locale (the
 * registration office reads Chinese; a foreign party reads English). A missing
 * credit code its organisation may add links to where it is added.
 */
export function RegistrationTable({ rows }: { rows: RegistrationRow[] }) {
  const tr = bothLanguages();
  return (
    <div className="table-scroll">
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
                {row.addCreditCode ? <AddCreditCode text={tr['zh-CN']('dealRegistration.addCreditCode')} /> : null}
              </td>
              <th scope="row" lang="en">
                {row.label.en}
              </th>
              <td lang="en">
                {row.value.en}
                {row.addCreditCode ? <AddCreditCode text={tr.en('dealRegistration.addCreditCode')} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where the organisation's owner or admin adds its code (on screen only). */
function AddCreditCode({ text }: { text: string }) {
  return (
    <>
      {' '}
      <Link to="/account#credit-code" className="no-print">
        {text}
      </Link>
    </>
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
