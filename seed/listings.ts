import type { Types } from 'mongoose';
import {
  CATEGORIES,
  LISTING_KINDS,
  STAGES,
  type Category,
  type DealType,
  type ListingKind,
  type ListingStatus,
  type NmpaClass,
  type OrganizationKind,
  type PatentJurisdiction,
  type PatentStatus,
  type PatentType,
  type Stage,
} from '../server/vocabulary.ts';
import { keywordInput, keywordsInput } from '../server/listings/schemas.ts';
import {
  cnApplicationNumber,
  epNumber,
  jpGrantNumber,
  jpPublicationNumber,
  usGrantNumber,
  usPublicationNumber,
  woNumber,
} from './patent-numbers.ts';
import {
  CATEGORY_BANKS,
  GENERIC_ADVANTAGES,
  GENERIC_PROBLEMS,
  type Advantage,
  type DeviceSpec,
  type Form,
  type Pair,
} from './phrases.ts';
import { Random, seedFor } from './random.ts';

// Listing number i is a pure function of i, the owner organizations' ids and
// (for the few auctions only) the current date: reruns produce the same data.

/** Dates are spread backwards from this fixed anchor, not from "now", so reruns match. */
export const ANCHOR = Date.UTC(2026, 10, 1); // 2026-11-01T00:00:00Z
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** An organization that may own demo listings. */
export interface Lister {
  slug: string;
  id: Types.ObjectId;
  kind: OrganizationKind;
  country: string;
  focus: readonly Category[];
}

export interface GeneratorContext {
  listers: readonly Lister[];
  /** The demo user of an organization, recorded as the listing's creator. */
  creatorBySlug: ReadonlyMap<string, Types.ObjectId>;
  /** Only auction end times depend on it (an auction must end in the future). */
  now: number;
}

interface Money {
  amount: number;
  currency: 'CNY';
}

export interface DemoPatent {
  number: string;
  jurisdiction: PatentJurisdiction;
  type: PatentType;
  status: PatentStatus;
  title: Pair;
  filingDate: Date;
  grantDate: Date | null;
  expiryDate: null;
  ipc: string[];
}

/** The stored shape of a listing (what mongoose would write, defaults included). */
export interface DemoListing {
  _id?: Types.ObjectId;
  kind: ListingKind;
  status: ListingStatus;
  organization: Types.ObjectId;
  createdBy: Types.ObjectId | null;
  externalId: string;
  externalKey: string;
  title: Pair;
  summary: Pair;
  problem: Pair;
  advantages: Pair;
  clinicalUse: Pair;
  partnerSought: Pair;
  keywords: string[];
  category: Category;
  nmpaClass: NmpaClass;
  regulatory: { fda: string; ce: string };
  trl: number;
  stage: Stage;
  patents: DemoPatent[];
  dealTypes: DealType[];
  askingPrice: Money | null;
  licenseTerms: {
    upfront: Money | null;
    royaltyPercent: number | null;
    minimumAnnual: Money | null;
    openLicense: boolean;
  } | null;
  auction: { reserve: Money | null; startingPrice: Money; minimumIncrement: Money; endsAt: Date } | null;
  equityOffered?: { percent: number; valuation: Money };
  documents: never[];
  confidential: { details: string };
  submittedAt: Date;
  publishedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  __v: 0;
}

export function demoExternalId(i: number): string {
  return `demo-${String(i).padStart(6, '0')}`;
}

// ── small text helpers ─────────────────────────────────────────────────────

/** Upper-cases the first letter, unless the first word is written with inner capitals (pH, mmWave). */
function cap(text: string): string {
  const firstWord = text.split(/[\s-]/, 1)[0] ?? '';
  if (/[A-Z]/.test(firstWord.slice(1)) || !/^[a-z]/.test(text)) return text;
  return text[0]!.toUpperCase() + text.slice(1);
}

const pair = (zh: string, en: string): Pair => ({ zh, en });

function fill(advantage: Advantage, rng: Random): Pair {
  if (!advantage.range) return pair(advantage.zh, advantage.en);
  const raw = rng.int(advantage.range[0], advantage.range[1]);
  const n = advantage.scale ? (raw / advantage.scale).toFixed(1) : String(raw);
  return pair(advantage.zh.replace('{n}', n), advantage.en.replace('{n}', n));
}

const yuan = (amount: number): Money => ({ amount: Math.round(amount) * 100, currency: 'CNY' });
/** Rounds yuan to a multiple of `step` yuan (at least one step). */
const roundYuan = (amount: number, step: number) => Math.max(step, Math.round(amount / step) * step);

// ── the vocabulary's labels used in composed text ──────────────────────────

/** The technology readiness levels that fit each stage. */
export const STAGE_TRL: Record<Stage, [number, number]> = {
  concept: [1, 3],
  prototype: [3, 5],
  verification: [4, 6],
  animal_study: [5, 6],
  clinical_trial: [6, 8],
  registered: [8, 9],
};

const DEAL_LABELS: Record<DealType, Pair> = {
  assignment: pair('转让', 'assignment'),
  exclusive_license: pair('独占许可', 'exclusive license'),
  non_exclusive_license: pair('普通许可', 'non-exclusive license'),
  equity: pair('股权投资', 'equity investment'),
  co_development: pair('合作开发', 'co-development'),
  ip_for_equity: pair('作价入股', 'IP for equity'),
};

const CLASS_ZH: Record<NmpaClass, string> = { I: '第一类', II: '第二类', III: '第三类', none: '' };

const KIND_NOUN: Record<ListingKind, Pair> = {
  patent: pair('专利', 'patent'),
  result: pair('成果', 'result'),
  project: pair('项目', 'project'),
};

// Relative weights (per cent-ish) of the random choices.
const KIND_WEIGHTS: [ListingKind, number][] = [
  ['patent', 50],
  ['result', 32],
  ['project', 18],
];
const CATEGORY_WEIGHTS: [Category, number][] = [
  ['medical_imaging', 12],
  ['ivd_molecular', 12],
  ['cardiovascular', 11],
  ['medical_electronics', 10],
  ['precision_machinery', 10],
  ['medical_acoustics', 8],
  ['medical_optics', 8],
  ['biomaterials', 8],
  ['micro_nano', 6],
  ['rehabilitation', 6],
  ['laser_medicine', 5],
  ['other', 4],
];
const STAGE_WEIGHTS: Record<ListingKind, [Stage, number][]> = {
  patent: [
    ['concept', 15],
    ['prototype', 25],
    ['verification', 22],
    ['animal_study', 15],
    ['clinical_trial', 13],
    ['registered', 10],
  ],
  result: [
    ['concept', 8],
    ['prototype', 22],
    ['verification', 25],
    ['animal_study', 18],
    ['clinical_trial', 15],
    ['registered', 12],
  ],
  project: [
    ['concept', 5],
    ['prototype', 15],
    ['verification', 20],
    ['animal_study', 20],
    ['clinical_trial', 25],
    ['registered', 15],
  ],
};
// Which kinds of organization list which kinds of listing, and how often.
const OWNER_WEIGHTS: Record<ListingKind, Partial<Record<OrganizationKind, number>>> = {
  patent: { basic_institute: 3, engineering_institute: 3, hospital: 2 },
  result: { basic_institute: 3, engineering_institute: 3, hospital: 2 },
  project: { basic_institute: 1, engineering_institute: 2, hospital: 1, company: 3 },
};

/** Value of the technology in yuan, by stage: sizes prices, license fees and valuations. */
const VALUE_RANGE: Record<Stage, [number, number]> = {
  concept: [100_000, 1_500_000],
  prototype: [200_000, 3_000_000],
  verification: [500_000, 6_000_000],
  animal_study: [1_000_000, 10_000_000],
  clinical_trial: [3_000_000, 20_000_000],
  registered: [5_000_000, 30_000_000],
};
const VALUATION_RANGE: Record<Stage, [number, number]> = {
  concept: [10_000_000, 30_000_000],
  prototype: [15_000_000, 50_000_000],
  verification: [20_000_000, 80_000_000],
  animal_study: [30_000_000, 120_000_000],
  clinical_trial: [50_000_000, 200_000_000],
  registered: [80_000_000, 300_000_000],
};

const LATE_STAGES: readonly Stage[] = ['clinical_trial', 'registered'];

// ── composed texts ──────────────────────────────────────────────────────────

function stageSentence(stage: Stage, trl: number, nmpa: NmpaClass): Pair {
  switch (stage) {
    case 'concept':
      return pair(`目前处于概念验证阶段（TRL ${trl}）。`, `It is at the concept stage (TRL ${trl}).`);
    case 'prototype':
      return pair(`已完成原理样机（TRL ${trl}）。`, `A working prototype has been built (TRL ${trl}).`);
    case 'verification':
      return pair(`目前处于性能验证阶段（TRL ${trl}）。`, `It is in performance verification (TRL ${trl}).`);
    case 'animal_study':
      return pair(`目前处于动物实验阶段（TRL ${trl}）。`, `It is in animal studies (TRL ${trl}).`);
    case 'clinical_trial':
      return pair(`目前处于临床试验阶段（TRL ${trl}）。`, `It is in clinical trials (TRL ${trl}).`);
    case 'registered':
      return nmpa === 'I'
        ? pair(
            `已完成NMPA第一类医疗器械备案（TRL ${trl}）。`,
            `It has been filed with the NMPA as a Class I device (TRL ${trl}).`,
          )
        : pair(
            `已获NMPA${CLASS_ZH[nmpa]}医疗器械注册证（TRL ${trl}）。`,
            `It holds an NMPA Class ${nmpa} registration certificate (TRL ${trl}).`,
          );
  }
}

function stageEvidence(stage: Stage, rng: Random): Pair {
  switch (stage) {
    case 'concept':
      return pair('尚需开展临床前研究。', 'Preclinical studies are still needed.');
    case 'prototype':
      return pair('样机已通过台架测试。', 'The prototype has passed bench tests.');
    case 'verification': {
      const n = rng.int(3, 12);
      return pair(`已完成${n}项性能验证与型式检验。`, `It has passed ${n} performance-verification and type tests.`);
    }
    case 'animal_study': {
      const n = rng.int(12, 60);
      return pair(`已完成${n}例大动物实验。`, `It has completed ${n} large-animal studies.`);
    }
    case 'clinical_trial': {
      const n = rng.int(60, 600);
      return pair(`多中心临床试验已入组${n}例受试者。`, `A multicentre clinical trial has enrolled ${n} subjects.`);
    }
    case 'registered': {
      const n = rng.int(5, 200);
      return pair(`产品已在${n}家医院临床使用。`, `The product is in clinical use in ${n} hospitals.`);
    }
  }
}

function unpublishedData(stage: Stage, rng: Random): Pair {
  switch (stage) {
    case 'concept':
      return pair('原理验证的仿真模型与初步实验数据', 'simulation models and preliminary proof-of-principle data');
    case 'prototype':
      return pair('样机设计图纸与台架测试原始数据', 'prototype design drawings and raw bench-test data');
    case 'verification':
      return pair('型式检验报告与关键工艺参数', 'type-test reports and key process parameters');
    case 'animal_study': {
      const n = rng.int(12, 60);
      return pair(
        `${n}例动物实验的完整病理报告与原始影像数据`,
        `full pathology reports and raw imaging data from ${n} animal studies`,
      );
    }
    case 'clinical_trial':
      return pair(
        '临床试验方案、期中分析数据与伦理批件',
        'the clinical-trial protocol, interim analysis data and ethics approvals',
      );
    case 'registered':
      return pair(
        '注册申报资料、生产工艺文件与上市后随访数据',
        'the registration dossier, manufacturing process documents and post-market follow-up data',
      );
  }
}

function partnerFor(kind: ListingKind, nmpa: NmpaClass): Pair {
  if (kind === 'project')
    return pair(
      '关注医疗器械赛道的风险投资机构与产业资本',
      'venture and corporate investors focused on medical devices',
    );
  switch (nmpa) {
    case 'III':
      return pair(
        '具备第三类医疗器械注册与生产资质的企业',
        'companies licensed to register and manufacture Class III medical devices',
      );
    case 'II':
      return pair('具备第二类医疗器械生产资质的企业', 'companies licensed to manufacture Class II medical devices');
    case 'I':
      return pair('医疗器械生产或流通企业', 'medical-device manufacturers or distributors');
    case 'none':
      return pair(
        '有意进入该领域的科技企业或上游供应商',
        'technology companies or upstream suppliers wishing to enter this field',
      );
  }
}

/** Titles of the second and later patents of a listing, by what the technology is. */
const RELATED_TITLES: Record<Form, ((c: Pair) => Pair)[]> = {
  device: [
    (c) => pair(`${c.zh}及其制备方法`, `${cap(c.en)} and manufacturing method therefor`),
    (c) => pair(`${c.zh}及包含其的系统`, `${cap(c.en)} and system comprising the same`),
    (c) => pair(`${c.zh}的控制方法及装置`, `Control method and apparatus for ${c.en}`),
  ],
  method: [
    (c) => pair(`${c.zh}、装置及存储介质`, `${cap(c.en)}, apparatus and storage medium`),
    (c) =>
      pair(
        `${c.zh}、电子设备及计算机可读存储介质`,
        `${cap(c.en)}, electronic device and computer-readable storage medium`,
      ),
    (c) => pair(`${c.zh}及系统`, `${cap(c.en)} and system`),
  ],
  software: [
    (c) => pair(`${c.zh}的数据处理方法及装置`, `Data processing method and apparatus for ${c.en}`),
    (c) => pair(`${c.zh}的模型训练方法`, `Model training method for ${c.en}`),
    (c) =>
      pair(
        `${c.zh}的部署方法、电子设备及存储介质`,
        `Deployment method, electronic device and storage medium for ${c.en}`,
      ),
  ],
  material: [
    (c) => pair(`${c.zh}及其制备方法和应用`, `${cap(c.en)}, preparation method therefor and use thereof`),
    (c) => pair(`${c.zh}的制备方法`, `Preparation method of ${c.en}`),
    (c) => pair(`含有${c.zh}的医疗器械`, `Medical device containing ${c.en}`),
  ],
  reagent: [
    (c) => pair(`${c.zh}及其检测方法`, `${cap(c.en)} and detection method using the same`),
    (c) => pair(`${c.zh}的制备方法`, `Preparation method of ${c.en}`),
    (c) => pair(`${c.zh}及其应用`, `${cap(c.en)} and use thereof`),
  ],
};

// ── patents ─────────────────────────────────────────────────────────────────

const utcDay = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

function makePatent(
  rng: Random,
  options: {
    ordinal: number;
    index: number;
    international: boolean;
    form: Form;
    publishedAt: number;
    ipcPool: string[];
    title: Pair;
  },
): DemoPatent {
  const { ordinal, index, international, form, publishedAt } = options;
  const jurisdiction: PatentJurisdiction =
    index === 0
      ? international
        ? rng.weighted<PatentJurisdiction>([
            ['US', 50],
            ['WO', 30],
            ['EP', 20],
          ])
        : 'CN'
      : international
        ? rng.weighted<PatentJurisdiction>([
            ['CN', 30],
            ['US', 30],
            ['EP', 20],
            ['WO', 20],
          ])
        : rng.weighted<PatentJurisdiction>([
            ['CN', 45],
            ['WO', 20],
            ['US', 20],
            ['EP', 10],
            ['JP', 5],
          ]);
  // Utility models only in CN (and only for physical devices); designs rarely.
  const type: PatentType =
    jurisdiction === 'CN' && form === 'device'
      ? rng.weighted<PatentType>([
          ['invention', 80],
          ['utility_model', 17],
          ['design', 3],
        ])
      : 'invention';

  // Filed before the listing was published; foreign filings at least two years
  // back so they have been published; utility models and designs young enough
  // to be alive (10 and 15-year terms).
  const maxAge = type === 'invention' ? 12 : 8;
  const minAge = jurisdiction === 'CN' ? 0 : 2;
  const latest = Math.min(publishedAt - 60 * DAY, ANCHOR - minAge * YEAR);
  let earliest = ANCHOR - maxAge * YEAR;
  if (earliest >= latest) earliest = latest - YEAR;
  const filing = utcDay(earliest + rng.next() * (latest - earliest)).getTime();
  const age = (ANCHOR - filing) / YEAR;
  const filingYear = yearOf(filing);
  const publicationYear = yearOf(filing + 1.5 * YEAR);
  const mayLapse = index > 0;

  /** A grant date between `from` and `to` years after filing, never after the anchor. */
  const grantAfter = (from: number, to: number) =>
    utcDay(filing + (from + rng.next() * (Math.min(to, age - 0.05) - from)) * YEAR);

  let status: PatentStatus;
  let grantDate: Date | null = null;
  let number: string;
  switch (jurisdiction) {
    case 'CN': {
      if (type === 'invention') {
        if (age < 0.5) status = 'filed';
        else if (age < 1.6) status = rng.chance(0.7) ? 'published' : 'filed';
        else
          status = rng.weighted<PatentStatus>([
            ['granted', 75],
            ['published', 20],
            ['lapsed', mayLapse ? 5 : 0],
          ]);
        if (status === 'granted' || status === 'lapsed') grantDate = grantAfter(1.5, 4);
      } else {
        status =
          age < 0.4
            ? 'filed'
            : rng.weighted<PatentStatus>([
                ['granted', 95],
                ['lapsed', mayLapse ? 5 : 0],
              ]);
        if (status !== 'filed') grantDate = grantAfter(0.3, 1);
      }
      number = cnApplicationNumber(filingYear, type, ordinal);
      break;
    }
    case 'US': {
      status = age > 1.6 && rng.chance(0.6) ? 'granted' : 'published';
      if (status === 'granted') {
        grantDate = grantAfter(1.5, 4);
        number = usGrantNumber(ordinal, rng.chance(0.85) ? 'B2' : 'B1');
      } else {
        number = usPublicationNumber(publicationYear, ordinal);
      }
      break;
    }
    case 'EP': {
      status = age > 2.6 && rng.chance(0.5) ? 'granted' : 'published';
      if (status === 'granted') grantDate = grantAfter(2.5, 5);
      number = epNumber(ordinal, status === 'granted' ? 'B1' : 'A1');
      break;
    }
    case 'JP': {
      status = age > 2.1 && rng.chance(0.5) ? 'granted' : 'published';
      if (status === 'granted') {
        grantDate = grantAfter(2, 4.5);
        number = jpGrantNumber(ordinal);
      } else {
        number = jpPublicationNumber(publicationYear, ordinal);
      }
      break;
    }
    default: {
      // WO: an international (PCT) application, published 18 months after filing.
      status = 'published';
      number = woNumber(publicationYear, ordinal);
    }
  }

  return {
    number,
    jurisdiction,
    type,
    status,
    title: options.title,
    filingDate: new Date(filing),
    grantDate,
    expiryDate: null, // derived from the filing date and the statutory term
    ipc: rng.sample(options.ipcPool, rng.int(1, 3)),
  };
}

// ── the listing ─────────────────────────────────────────────────────────────

function chooseOwner(rng: Random, listers: readonly Lister[], kind: ListingKind, category: Category): Lister {
  const weights = OWNER_WEIGHTS[kind];
  const eligible = listers.filter((o) => weights[o.kind]);
  const focused = eligible.filter((o) => o.focus.includes(category));
  const pool = focused.length > 0 ? focused : eligible;
  return rng.weighted(pool.map((o) => [o, weights[o.kind]!] as const));
}

function chooseDealTypes(rng: Random, kind: ListingKind): DealType[] {
  switch (kind) {
    case 'patent':
      return rng.weighted<DealType[]>([
        [['assignment', 'exclusive_license', 'non_exclusive_license'], 30],
        [['assignment'], 20],
        [['exclusive_license', 'non_exclusive_license'], 15],
        [['assignment', 'exclusive_license'], 15],
        [['non_exclusive_license'], 10],
        [['assignment', 'co_development'], 10],
      ]);
    case 'result':
      return rng.weighted<DealType[]>([
        [['assignment', 'exclusive_license', 'non_exclusive_license'], 25],
        [['assignment', 'co_development'], 20],
        [['exclusive_license', 'co_development'], 20],
        [['assignment'], 15],
        [['co_development'], 15],
        [['non_exclusive_license'], 5],
      ]);
    case 'project':
      return rng.weighted<DealType[]>([
        [['equity'], 50],
        [['equity', 'co_development'], 25],
        [['equity', 'exclusive_license'], 15],
        [['equity', 'exclusive_license', 'co_development'], 10],
      ]);
  }
}

function regulatoryFor(rng: Random, stage: Stage, nmpa: NmpaClass): { fda: string; ce: string } {
  if (nmpa === 'none') return { fda: 'none', ce: 'none' };
  switch (stage) {
    case 'concept':
    case 'prototype':
      return {
        fda: rng.weighted([
          ['none', 85],
          ['planned', 15],
        ]),
        ce: rng.weighted([
          ['none', 85],
          ['planned', 15],
        ]),
      };
    case 'verification':
    case 'animal_study':
      return {
        fda: rng.weighted([
          ['none', 55],
          ['planned', 45],
        ]),
        ce: rng.weighted([
          ['none', 50],
          ['planned', 50],
        ]),
      };
    case 'clinical_trial':
      return {
        fda: rng.weighted([
          ['none', 35],
          ['planned', 45],
          ['submitted', 20],
        ]),
        ce: rng.weighted([
          ['none', 25],
          ['planned', 45],
          ['submitted', 30],
        ]),
      };
    case 'registered':
      return {
        fda:
          nmpa === 'I'
            ? rng.weighted([
                ['none', 60],
                ['planned', 40],
              ])
            : rng.weighted([
                ['none', 35],
                ['planned', 25],
                ['submitted', 10],
                [nmpa === 'III' ? 'pma_approved' : 'cleared_510k', 20],
                ['de_novo_granted', 10],
              ]),
        ce: rng.weighted([
          ['none', 20],
          ['planned', 20],
          ['submitted', 20],
          ['certified', 40],
        ]),
      };
  }
}

/**
 * Demo listing number `i`. The first 24 cycle through every category, kind and
 * stage, so any set of 24 or more covers them all.
 */
export function generateListing(i: number, ctx: GeneratorContext): DemoListing {
  const rng = new Random(seedFor(i));

  const kind = i < 24 ? LISTING_KINDS[i % LISTING_KINDS.length]! : rng.weighted(KIND_WEIGHTS);
  const category = i < 24 ? CATEGORIES[i % CATEGORIES.length]! : rng.weighted(CATEGORY_WEIGHTS);
  const stage = i < 24 ? STAGES[i % STAGES.length]! : rng.weighted(STAGE_WEIGHTS[kind]);
  const late = LATE_STAGES.includes(stage);
  const bank = CATEGORY_BANKS[category];

  // Things that are not devices (class 'none') are never in clinical trials or registered.
  const devices: DeviceSpec[] = late ? bank.devices.filter((d) => d.nmpa.some((c) => c !== 'none')) : bank.devices;
  const device = rng.pick(devices);
  const nmpaClass = rng.pick(late ? device.nmpa.filter((c) => c !== 'none') : device.nmpa);
  const [trlMin, trlMax] = STAGE_TRL[stage];
  const trl = rng.int(trlMin, trlMax);

  const owner = chooseOwner(rng, ctx.listers, kind, category);
  const externalId = demoExternalId(i);

  // ── title ──
  const qual = rng.pick(device.quals);
  const app = rng.pick(device.apps);
  const core = pair(`${qual.zh}${device.zh}`, `${qual.en} ${device.en}`);
  const pattern = rng.weighted<1 | 2 | 3>([
    [1, 40],
    [2, 30],
    [3, qual.zh.endsWith('的') ? 0 : 30],
  ]);
  let title =
    pattern === 1
      ? pair(core.zh, cap(core.en))
      : pattern === 2
        ? pair(`用于${app.zh}的${device.zh}`, `${cap(device.en)} ${app.en}`)
        : pair(`用于${app.zh}的${core.zh}`, `${cap(core.en)} ${app.en}`);
  if (kind === 'project') title = pair(`${title.zh}研发及产业化项目`, `${title.en}: development and commercialisation`);

  // ── dates ──
  const publishedAt = ANCHOR - rng.int(0, 729) * DAY - rng.int(0, 86_399) * 1000;
  const submittedAt = publishedAt - rng.int(1, 10) * DAY - rng.int(0, 86_399) * 1000;
  const createdAt = submittedAt - rng.int(1, 60) * DAY - rng.int(0, 86_399) * 1000;

  // ── patents ──
  const patentCount =
    kind === 'patent'
      ? rng.weighted([
          [1, 45],
          [2, 30],
          [3, 15],
          [4, 10],
        ] as const)
      : kind === 'result'
        ? rng.weighted([
            [0, 40],
            [1, 40],
            [2, 20],
          ] as const)
        : rng.weighted([
            [0, 50],
            [1, 50],
          ] as const);
  const international = owner.country !== 'CN';
  const patents: DemoPatent[] = [];
  for (let j = 0; j < patentCount; j++) {
    const related = RELATED_TITLES[device.form];
    patents.push(
      makePatent(rng, {
        ordinal: i * 4 + j,
        index: j,
        international,
        form: device.form,
        publishedAt,
        ipcPool: bank.ipc,
        title: j === 0 ? pair(`一种${core.zh}`, cap(core.en)) : related[(j - 1) % related.length]!(core),
      }),
    );
  }

  // ── deal terms ──
  const dealTypes = chooseDealTypes(rng, kind);
  const value = rng.logUniform(...VALUE_RANGE[stage]);
  const askingPrice = dealTypes.includes('assignment') ? yuan(roundYuan(value, 10_000)) : null;
  const licensing = dealTypes.includes('exclusive_license') || dealTypes.includes('non_exclusive_license');
  // Open licenses (专利开放许可) are declared on patents, non-exclusive by law.
  const openLicense = kind === 'patent' && dealTypes.includes('non_exclusive_license') && rng.chance(0.18);
  const licenseTerms = licensing
    ? {
        upfront: yuan(roundYuan(value * (openLicense ? 0.02 + rng.next() * 0.03 : 0.05 + rng.next() * 0.15), 10_000)),
        royaltyPercent: rng.int(2, 16) / 2,
        minimumAnnual: yuan(
          Math.min(1_000_000, roundYuan(Math.max(20_000, value * (0.01 + rng.next() * 0.04)), 10_000)),
        ),
        openLicense,
      }
    : null;
  const equityOffered =
    kind === 'project'
      ? { percent: rng.int(5, 30), valuation: yuan(roundYuan(rng.logUniform(...VALUATION_RANGE[stage]), 1_000_000)) }
      : undefined;

  const underOffer = rng.chance(0.02);
  const auctionable = !underOffer && (dealTypes.includes('assignment') || dealTypes.includes('exclusive_license'));
  let auction: DemoListing['auction'] = null;
  if (auctionable && rng.chance(0.03)) {
    const basis = askingPrice?.amount ?? licenseTerms?.upfront?.amount ?? yuan(value).amount;
    const starting = roundYuan((basis / 100) * 0.6, 10_000);
    const reserve = rng.chance(0.7) ? roundYuan(starting * (1.1 + rng.next() * 0.4), 10_000) : null;
    const today = Math.floor(ctx.now / DAY) * DAY;
    auction = {
      reserve: reserve === null ? null : yuan(reserve),
      startingPrice: yuan(starting),
      minimumIncrement: yuan(roundYuan(starting * 0.02, 1_000)),
      // 12:00 Beijing time, 10 to 60 days from today.
      endsAt: new Date(today + rng.int(10, 60) * DAY + 4 * 3_600_000),
    };
  }
  const status: ListingStatus = underOffer ? 'under_offer' : 'published';
  const updatedAt = underOffer ? Math.min(publishedAt + rng.int(5, 90) * DAY, ANCHOR) : publishedAt;

  // ── texts ──
  const advantages = [...rng.sample(device.adv, 2), rng.pick(GENERIC_ADVANTAGES)].map((a) => fill(a, rng));
  const subject =
    kind === 'patent'
      ? pair('本专利技术', 'The patented technology')
      : kind === 'result'
        ? pair('本成果', 'This result')
        : pair(`本项目研发的${core.zh}`, `The ${core.en} developed in this project`);
  const stageText = stageSentence(stage, trl, nmpaClass);
  const summary = pair(
    `${subject.zh}${device.how.zh}，可用于${app.zh}。${advantages[0]!.zh}。${stageText.zh}`,
    `${subject.en} ${device.how.en}, and can be used ${app.en}. ${cap(advantages[0]!.en)}. ${stageText.en}`,
  );

  const categoryProblem = rng.pick(bank.problems);
  const genericProblem = rng.pick(GENERIC_PROBLEMS);
  const problem = pair(
    `${categoryProblem.zh}；${genericProblem.zh}。`,
    `${cap(categoryProblem.en)}; ${genericProblem.en}.`,
  );

  const advantagesText = pair(
    `①${advantages[0]!.zh}；②${advantages[1]!.zh}；③${advantages[2]!.zh}。`,
    `(1) ${cap(advantages[0]!.en)}; (2) ${advantages[1]!.en}; (3) ${advantages[2]!.en}.`,
  );

  const evidence = stageEvidence(stage, rng);
  const appBare = app.en.replace(/^(for|in|as) /, '');
  const clinicalUse = pair(
    `主要面向${app.zh}，适用于${device.where.zh}。${evidence.zh}`,
    `Mainly aimed at ${appBare}; suited to ${device.where.en}. ${evidence.en}`,
  );

  const partner = partnerFor(kind, nmpaClass);
  const deals = dealTypes.map((d) => DEAL_LABELS[d]);
  const noun = KIND_NOUN[kind];
  let partnerZh = `寻求${partner.zh}，合作方式：${deals.map((d) => d.zh).join('、')}。`;
  let partnerEn = `Seeking ${partner.en}; deal types: ${deals.map((d) => d.en).join(', ')}.`;
  if (dealTypes.includes('co_development')) {
    partnerZh += '欢迎共建联合实验室开展后续研发。';
    partnerEn += ' A joint laboratory for further development is welcome.';
  }
  if (openLicense) {
    partnerZh += '本专利已声明开放许可，任何单位按公布的条件即可获得普通许可。';
    partnerEn += ' An open license has been declared: anyone may take a non-exclusive license on the published terms.';
  }
  if (auction) {
    partnerZh += `本${noun.zh}采用网络竞价方式交易，截止时间见竞价信息。`;
    partnerEn += ` This ${noun.en} is offered by online auction; see the auction for its closing time.`;
  }

  // What the device is, what it is for and its field, in both languages; the
  // longer application phrases do not make keywords and stay in the texts.
  const keywords = keywordsInput.parse(
    [device.zh, device.en, app.zh, appBare, bank.label.zh, bank.label.en].filter(
      (k) => keywordInput.safeParse(k).success,
    ),
  );

  const data = unpublishedData(stage, rng);
  const details = `未公开资料：${data.zh}，签署保密协议后提供。\nUnpublished: ${data.en}, available under NDA.`;

  const listing: DemoListing = {
    kind,
    status,
    organization: owner.id,
    createdBy: ctx.creatorBySlug.get(owner.slug) ?? null,
    externalId,
    externalKey: `${String(owner.id)}/${externalId}`,
    title,
    summary,
    problem,
    advantages: advantagesText,
    clinicalUse,
    partnerSought: pair(partnerZh, partnerEn),
    keywords,
    category,
    nmpaClass,
    regulatory: regulatoryFor(rng, stage, nmpaClass),
    trl,
    stage,
    patents,
    dealTypes,
    askingPrice,
    licenseTerms,
    auction,
    documents: [],
    confidential: { details },
    submittedAt: new Date(submittedAt),
    publishedAt: new Date(publishedAt),
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    __v: 0,
  };
  if (equityOffered) listing.equityOffered = equityOffered;
  return listing;
}
