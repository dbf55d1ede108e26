import type { Bilingual } from '../shared/bilingual.ts';
import type { ListingDoc } from './model.ts';

// The exchange's standard click-through NDA, used when a listing's owner has
// not written its own. Kept here (not in the page locales) because an
// acceptance records the exact text that was accepted.

export const STANDARD_NDA: Required<Bilingual> = {
  zh: [
    '保密协议',
    '',
    '接受本协议即表示您代表所在机构同意：',
    '1. 数据室中的技术资料、数据和估值依据（“保密信息”）仅用于评估与本项目的合作、许可或受让，不用于任何其他目的；',
    '2. 未经挂牌机构书面同意，不向第三方披露保密信息，仅向因上述目的确需知悉的员工和顾问披露，并使其承担同等保密义务；',
    '3. 不对保密信息进行反向工程，不以保密信息为基础申请专利；',
    '4. 下载的文件带有贵机构、下载人和时间的水印，下载记录将告知挂牌机构；',
    '5. 本协议自接受之日起三年内有效；已公开或贵机构独立获得的信息除外。',
  ].join('\n'),
  en: [
    'Non-disclosure agreement',
    '',
    'By accepting, you agree on behalf of your organization that:',
    '1. The technical details, data and valuation basis in the data room ("confidential information") are used only to evaluate a collaboration, licence or acquisition of this listing, and for no other purpose;',
    "2. Confidential information is not disclosed to third parties without the listing organization's written consent, and only to employees and advisers who need it for that purpose and are bound by equal obligations;",
    '3. Confidential information is not reverse-engineered and no patent is filed on its basis;',
    '4. Downloaded files carry a watermark with your organization, your name and the time, and the listing organization sees every download;',
    '5. This agreement lasts three years from acceptance; information that is public or that your organization obtains independently is excepted.',
  ].join('\n'),
};

/** The NDA a listing asks for: its owner's text, or the exchange's standard one. */
export function ndaText(listing: Pick<ListingDoc, 'nda'>): Bilingual {
  const own = {
    ...(listing.nda?.text?.zh ? { zh: listing.nda.text.zh } : {}),
    ...(listing.nda?.text?.en ? { en: listing.nda.text.en } : {}),
  };
  return own.zh || own.en ? own : STANDARD_NDA;
}
