import type { Category, OrganizationKind } from '../server/vocabulary.ts';

// Demo organizations: fictional, but modelled on the kinds of players in China's
// medical-device innovation scene (CAS-style engineering institutes, university
// hospitals, Shenzhen/Suzhou device makers, venture funds, IP agencies) and a few
// abroad. Names are invented so no listing reads as a real entity's offer.
// Websites use the reserved `.example` top-level domain.
//
// Listing i is owned by an organization chosen by its position among the
// verified listing organizations below. Adding, removing or reordering those
// moves listings to other owners, and their keys (`${orgId}/${externalId}`)
// with them: a database seeded before would get second copies. Bump
// GENERATOR_VERSION in demo.ts and reset the demo database after such a change.

export interface DemoOrganization {
  slug: string;
  kind: Exclude<OrganizationKind, 'operator'>;
  name: { zh: string; en: string };
  region: { country: string; province?: string; city?: string };
  description: { zh: string; en: string };
  website: string;
  /** Two are left unverified (pending) so the operator's queue has content. */
  verified: boolean;
  /** Research directions: listings of this organization are drawn from these categories. */
  focus?: Category[];
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  // ── basic research institutes ───────────────────────────────────────────
  {
    slug: 'demo-sz-med-eng',
    kind: 'basic_institute',
    name: { zh: '苏州医工创新研究院', en: 'Suzhou Institute of Medical Engineering Innovation' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '面向高端医疗器械的基础与应用研究机构，研究方向涵盖医用光学、医学影像、医用电子、体外诊断和激光医学。',
      en: 'A basic and applied research institute for high-end medical devices, working on medical optics, imaging, electronics, in-vitro diagnostics and laser medicine.',
    },
    website: 'https://szime.example',
    verified: true,
    focus: [
      'medical_optics',
      'medical_imaging',
      'medical_electronics',
      'ivd_molecular',
      'laser_medicine',
      'medical_acoustics',
      'other',
    ],
  },
  {
    slug: 'demo-sh-biophotonics',
    kind: 'basic_institute',
    name: { zh: '上海生物光子学研究所', en: 'Shanghai Institute of Biophotonics' },
    region: { country: 'CN', province: '上海', city: '上海' },
    description: {
      zh: '从事生物医学光子学基础研究，在光学相干成像、光声成像和激光与组织相互作用方面积累深厚。',
      en: 'Basic research in biomedical photonics, with deep experience in optical coherence imaging, photoacoustic imaging and laser–tissue interaction.',
    },
    website: 'https://sibp.example',
    verified: true,
    focus: ['medical_optics', 'laser_medicine', 'medical_imaging'],
  },
  {
    slug: 'demo-bj-med-physics',
    kind: 'basic_institute',
    name: { zh: '北京医学物理研究中心', en: 'Beijing Center for Medical Physics Research' },
    region: { country: 'CN', province: '北京', city: '北京' },
    description: {
      zh: '聚焦医学影像物理、辐射探测与神经电子学的国家级研究平台。',
      en: 'A national research platform for imaging physics, radiation detection and neuro-electronics.',
    },
    website: 'https://bcmp.example',
    verified: true,
    focus: ['medical_imaging', 'medical_electronics', 'medical_acoustics', 'other'],
  },
  {
    slug: 'demo-wh-optoelec-med',
    kind: 'basic_institute',
    name: { zh: '武汉光电医学研究院', en: 'Wuhan Institute of Optoelectronic Medicine' },
    region: { country: 'CN', province: '湖北', city: '武汉' },
    description: {
      zh: '依托光谷光电产业集群，开展激光医学、医用光学与微纳光电器件研究。',
      en: 'Drawing on the Optics Valley photonics cluster, it researches laser medicine, medical optics and micro-nano optoelectronic devices.',
    },
    website: 'https://wiom.example',
    verified: true,
    focus: ['laser_medicine', 'medical_optics', 'micro_nano'],
  },
  {
    slug: 'demo-hz-biomat-lab',
    kind: 'basic_institute',
    name: { zh: '杭州生物医用材料重点实验室', en: 'Hangzhou Key Laboratory of Biomedical Materials' },
    region: { country: 'CN', province: '浙江', city: '杭州' },
    description: {
      zh: '研究可降解高分子、水凝胶与组织工程支架，拥有材料合成到动物评价的完整平台。',
      en: 'Researches degradable polymers, hydrogels and tissue-engineering scaffolds, with a full platform from synthesis to animal evaluation.',
    },
    website: 'https://hzbml.example',
    verified: true,
    focus: ['biomaterials', 'micro_nano', 'cardiovascular'],
  },
  {
    slug: 'demo-gz-south-bme',
    kind: 'basic_institute',
    name: { zh: '南方生物医学工程研究所', en: 'Southern Institute of Biomedical Engineering' },
    region: { country: 'CN', province: '广东', city: '广州' },
    description: {
      zh: '面向粤港澳大湾区的生物医学工程研究所，方向包括分子诊断、微流控和生物材料。',
      en: 'A biomedical engineering institute serving the Greater Bay Area, working on molecular diagnostics, microfluidics and biomaterials.',
    },
    website: 'https://sibme.example',
    verified: true,
    focus: ['ivd_molecular', 'micro_nano', 'biomaterials'],
  },
  {
    slug: 'demo-sg-straits-medtech',
    kind: 'basic_institute',
    name: { zh: '海峡医疗器械研究所', en: 'Straits Institute for Biomedical Devices' },
    region: { country: 'SG', city: 'Singapore' },
    description: {
      zh: '新加坡的医疗器械转化研究机构，专注可穿戴电子、超声与康复技术。',
      en: 'A translational medical-device institute in Singapore focused on wearable electronics, ultrasound and rehabilitation technology.',
    },
    website: 'https://sibd.example',
    verified: true,
    focus: ['medical_electronics', 'medical_acoustics', 'rehabilitation'],
  },

  // ── engineering institutes ──────────────────────────────────────────────
  {
    slug: 'demo-sz-device-eng-center',
    kind: 'engineering_institute',
    name: { zh: '苏州医疗器械工程技术研究中心', en: 'Suzhou Medical Device Engineering Technology Center' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '提供样机开发、中试放大与注册检验支持的工程化平台，推动科研成果向产品转化。',
      en: 'An engineering platform for prototype development, pilot-scale production and registration testing that turns research into products.',
    },
    website: 'https://szmdec.example',
    verified: true,
    focus: ['precision_machinery', 'medical_electronics', 'medical_acoustics', 'ivd_molecular', 'other'],
  },
  {
    slug: 'demo-sz-adv-med-eng',
    kind: 'engineering_institute',
    name: { zh: '深圳先进医疗工程研究院', en: 'Shenzhen Institute of Advanced Medical Engineering' },
    region: { country: 'CN', province: '广东', city: '深圳' },
    description: {
      zh: '围绕医学影像、手术机器人与智能监护开展工程研究，与深圳器械企业联合开发。',
      en: 'Engineering research in medical imaging, surgical robotics and smart monitoring, co-developed with Shenzhen device makers.',
    },
    website: 'https://siame.example',
    verified: true,
    focus: ['medical_imaging', 'precision_machinery', 'medical_electronics', 'rehabilitation'],
  },
  {
    slug: 'demo-cd-bme-tech',
    kind: 'engineering_institute',
    name: { zh: '成都生物医学工程技术研究院', en: 'Chengdu Institute of Biomedical Engineering Technology' },
    region: { country: 'CN', province: '四川', city: '成都' },
    description: {
      zh: '在生物医用材料与心血管植入器械方面具有工程化和中试能力。',
      en: 'Engineering and pilot-scale capabilities in biomedical materials and cardiovascular implants.',
    },
    website: 'https://cibet.example',
    verified: true,
    focus: ['biomaterials', 'cardiovascular', 'other'],
  },
  {
    slug: 'demo-gz-ivd-eng',
    kind: 'engineering_institute',
    name: { zh: '广州体外诊断工程技术研究中心', en: 'Guangzhou IVD Engineering Research Center' },
    region: { country: 'CN', province: '广东', city: '广州' },
    description: {
      zh: '专注体外诊断仪器与试剂的工程化开发，具备质量体系与注册检验经验。',
      en: 'Engineers in-vitro diagnostic instruments and reagents, with a quality system and registration-testing experience.',
    },
    website: 'https://gzivd.example',
    verified: true,
    focus: ['ivd_molecular', 'micro_nano', 'medical_optics'],
  },
  {
    slug: 'demo-hz-surgical-robotics',
    kind: 'engineering_institute',
    name: { zh: '杭州智能手术机器人工程中心', en: 'Hangzhou Engineering Center for Intelligent Surgical Robotics' },
    region: { country: 'CN', province: '浙江', city: '杭州' },
    description: {
      zh: '开展手术机器人、导航定位与康复机器人的系统集成和工程验证。',
      en: 'Integrates and validates surgical robots, navigation systems and rehabilitation robots.',
    },
    website: 'https://hzsr.example',
    verified: true,
    focus: ['precision_machinery', 'rehabilitation', 'cardiovascular'],
  },
  {
    slug: 'demo-tj-rehab-eng',
    kind: 'engineering_institute',
    name: { zh: '天津康复工程研究所', en: 'Tianjin Institute of Rehabilitation Engineering' },
    region: { country: 'CN', province: '天津', city: '天津' },
    description: {
      zh: '新近申请加入的康复工程研究所，研究外骨骼、智能假肢与适老化辅具。',
      en: 'A newly applied rehabilitation engineering institute researching exoskeletons, smart prostheses and assistive devices for older people.',
    },
    website: 'https://tjire.example',
    verified: false,
    focus: ['rehabilitation'],
  },

  // ── hospitals ───────────────────────────────────────────────────────────
  {
    slug: 'demo-sz-gusu-hospital',
    kind: 'hospital',
    name: { zh: '姑苏医科大学附属第一医院', en: 'First Affiliated Hospital of Gusu Medical University' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '三级甲等综合医院，设有临床研究中心和成果转化办公室，支持医生创新。',
      en: 'A tertiary general hospital with a clinical research centre and a technology-transfer office that supports clinician innovation.',
    },
    website: 'https://gusu-hospital.example',
    verified: true,
    focus: ['medical_imaging', 'cardiovascular', 'precision_machinery', 'other', 'rehabilitation'],
  },
  {
    slug: 'demo-sh-pujiang-heart',
    kind: 'hospital',
    name: { zh: '浦江心血管病医院', en: 'Pujiang Cardiovascular Hospital' },
    region: { country: 'CN', province: '上海', city: '上海' },
    description: {
      zh: '心血管专科医院，结构性心脏病与冠脉介入年手术量居全国前列。',
      en: 'A cardiovascular specialist hospital among the busiest in China for structural-heart and coronary interventions.',
    },
    website: 'https://pujiang-heart.example',
    verified: true,
    focus: ['cardiovascular', 'medical_acoustics', 'medical_electronics'],
  },
  {
    slug: 'demo-bj-jinghua-rehab',
    kind: 'hospital',
    name: { zh: '京华康复医学中心', en: 'Jinghua Rehabilitation Medical Center' },
    region: { country: 'CN', province: '北京', city: '北京' },
    description: {
      zh: '以神经康复和骨科康复见长的康复专科医院，开展康复器械临床评价。',
      en: 'A rehabilitation hospital known for neurological and orthopaedic rehabilitation, running clinical evaluations of rehabilitation devices.',
    },
    website: 'https://jinghua-rehab.example',
    verified: true,
    focus: ['rehabilitation', 'medical_electronics'],
  },
  {
    slug: 'demo-cd-shudu-hospital',
    kind: 'hospital',
    name: { zh: '蜀都医科大学附属医院', en: 'Affiliated Hospital of Shudu Medical University' },
    region: { country: 'CN', province: '四川', city: '成都' },
    description: {
      zh: '西南地区区域医疗中心，在检验医学、病理与生物材料临床研究方面实力突出。',
      en: 'A regional medical centre for south-west China, strong in laboratory medicine, pathology and clinical research on biomaterials.',
    },
    website: 'https://shudu-hospital.example',
    verified: true,
    focus: ['ivd_molecular', 'biomaterials', 'medical_optics'],
  },
  {
    slug: 'demo-wh-jiangcheng-hospital',
    kind: 'hospital',
    name: { zh: '江城大学附属中心医院', en: 'Central Hospital of Jiangcheng University' },
    region: { country: 'CN', province: '湖北', city: '武汉' },
    description: {
      zh: '综合性教学医院，泌尿外科、肿瘤科和超声医学科开展了多项医工交叉项目。',
      en: 'A general teaching hospital whose urology, oncology and ultrasound departments run many medicine–engineering projects.',
    },
    website: 'https://jiangcheng-hospital.example',
    verified: true,
    focus: ['laser_medicine', 'medical_acoustics', 'medical_imaging', 'other'],
  },
  {
    slug: 'demo-gz-yangcheng-eye',
    kind: 'hospital',
    name: { zh: '羊城眼科医院', en: 'Yangcheng Eye Hospital' },
    region: { country: 'CN', province: '广东', city: '广州' },
    description: {
      zh: '眼科专科医院，在眼底成像、屈光手术和眼科激光方面开展转化研究。',
      en: 'An eye hospital doing translational research in retinal imaging, refractive surgery and ophthalmic lasers.',
    },
    website: 'https://yangcheng-eye.example',
    verified: true,
    focus: ['medical_optics', 'laser_medicine', 'biomaterials'],
  },

  // ── companies ───────────────────────────────────────────────────────────
  {
    slug: 'demo-sz-maikang-med',
    kind: 'company',
    name: { zh: '深圳迈康医疗科技有限公司', en: 'Shenzhen Maikang Medical Technology Co., Ltd.' },
    region: { country: 'CN', province: '广东', city: '深圳' },
    description: {
      zh: '生产监护、超声与体外诊断设备的医疗器械企业，产品销往60多个国家。',
      en: 'A maker of patient monitors, ultrasound and in-vitro diagnostic equipment, selling in more than 60 countries.',
    },
    website: 'https://maikang-med.example',
    verified: true,
    focus: ['medical_electronics', 'medical_acoustics', 'ivd_molecular'],
  },
  {
    slug: 'demo-sz-suying-imaging',
    kind: 'company',
    name: { zh: '苏州苏影医学影像有限公司', en: 'Suzhou Suying Medical Imaging Co., Ltd.' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '专注X射线探测器与影像软件的高新技术企业。',
      en: 'A high-tech company specialising in X-ray detectors and imaging software.',
    },
    website: 'https://suying-imaging.example',
    verified: true,
    focus: ['medical_imaging', 'medical_optics'],
  },
  {
    slug: 'demo-sh-hengxin-med',
    kind: 'company',
    name: { zh: '上海衡心医疗器械有限公司', en: 'Shanghai Hengxin Medical Devices Co., Ltd.' },
    region: { country: 'CN', province: '上海', city: '上海' },
    description: {
      zh: '结构性心脏病与血管介入器械企业，拥有第三类医疗器械生产许可。',
      en: 'A structural-heart and vascular-intervention device company holding a Class III manufacturing licence.',
    },
    website: 'https://hengxin-med.example',
    verified: true,
    focus: ['cardiovascular', 'biomaterials'],
  },
  {
    slug: 'demo-hz-jingzhen-bio',
    kind: 'company',
    name: { zh: '杭州精诊生物科技有限公司', en: 'Hangzhou Jingzhen Biotech Co., Ltd.' },
    region: { country: 'CN', province: '浙江', city: '杭州' },
    description: {
      zh: '分子诊断企业，产品覆盖数字PCR平台和肿瘤早筛试剂。',
      en: 'A molecular-diagnostics company whose products span a digital PCR platform and cancer early-screening assays.',
    },
    website: 'https://jingzhen-bio.example',
    verified: true,
    focus: ['ivd_molecular', 'micro_nano'],
  },
  {
    slug: 'demo-bj-kangbu-robotics',
    kind: 'company',
    name: { zh: '北京康步机器人科技有限公司', en: 'Beijing Kangbu Robotics Co., Ltd.' },
    region: { country: 'CN', province: '北京', city: '北京' },
    description: {
      zh: '康复机器人与手术机器人初创企业，已完成B轮融资。',
      en: 'A rehabilitation and surgical robotics start-up that has closed its Series B.',
    },
    website: 'https://kangbu-robotics.example',
    verified: true,
    focus: ['rehabilitation', 'precision_machinery'],
  },
  {
    slug: 'demo-wh-mingguang-laser',
    kind: 'company',
    name: { zh: '武汉明光激光医疗设备有限公司', en: 'Wuhan Mingguang Laser Medical Equipment Co., Ltd.' },
    region: { country: 'CN', province: '湖北', city: '武汉' },
    description: {
      zh: '医用激光设备制造商，产品涵盖皮肤科、眼科与泌尿外科激光。',
      en: 'A medical laser manufacturer with dermatology, ophthalmology and urology systems.',
    },
    website: 'https://mingguang-laser.example',
    verified: true,
    focus: ['laser_medicine', 'medical_optics'],
  },
  {
    slug: 'demo-de-rheinauen-medtech',
    kind: 'company',
    name: { zh: '莱茵奥恩医疗技术有限公司', en: 'Rheinauen Medizintechnik GmbH' },
    region: { country: 'DE', province: 'Baden-Württemberg', city: 'Tuttlingen' },
    description: {
      zh: '德国手术器械与内窥镜制造商，寻求在华合作开发与本地化生产。',
      en: 'A German maker of surgical instruments and endoscopes seeking co-development and local production in China.',
    },
    website: 'https://rheinauen-medtech.example',
    verified: true,
    focus: ['precision_machinery', 'medical_optics'],
  },
  {
    slug: 'demo-cd-tianfu-minimed',
    kind: 'company',
    name: { zh: '成都天府微创医疗科技有限公司', en: 'Chengdu Tianfu Minimally Invasive Medical Technology Co., Ltd.' },
    region: { country: 'CN', province: '四川', city: '成都' },
    description: {
      zh: '新注册的微创外科器械企业，等待平台认证。',
      en: 'A newly registered maker of minimally invasive surgical instruments, awaiting verification by the platform.',
    },
    website: 'https://tianfu-minimed.example',
    verified: false,
    focus: ['precision_machinery'],
  },

  // ── investors ───────────────────────────────────────────────────────────
  {
    slug: 'demo-sz-jinjihu-ventures',
    kind: 'investor',
    name: { zh: '苏州金鸡湖医械创业投资合伙企业', en: 'Jinji Lake MedTech Venture Partners' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '专注早期医疗器械项目的创业投资基金，重点关注院所成果转化项目。',
      en: 'A venture fund for early-stage medical-device projects, with a focus on spin-offs from institutes and hospitals.',
    },
    website: 'https://jinjihu-ventures.example',
    verified: true,
  },
  {
    slug: 'demo-sz-qianhai-kangtou',
    kind: 'investor',
    name: { zh: '深圳前海康投资本管理有限公司', en: 'Qianhai Kangtou Capital' },
    region: { country: 'CN', province: '广东', city: '深圳' },
    description: {
      zh: '医疗健康产业投资机构，覆盖成长期器械企业与并购整合。',
      en: 'A healthcare investor covering growth-stage device companies and buy-and-build deals.',
    },
    website: 'https://qianhai-kangtou.example',
    verified: true,
  },
  {
    slug: 'demo-sh-zhangjiang-angel',
    kind: 'investor',
    name: { zh: '上海张江医疗天使基金', en: 'Zhangjiang Medical Angel Fund' },
    region: { country: 'CN', province: '上海', city: '上海' },
    description: {
      zh: '天使阶段基金，为医生与科学家创业团队提供首轮资金和孵化服务。',
      en: 'An angel fund giving clinician and scientist founders their first cheque and incubation support.',
    },
    website: 'https://zj-medangel.example',
    verified: true,
  },
  {
    slug: 'demo-bj-yanyuan-health',
    kind: 'investor',
    name: { zh: '北京燕园健康创业投资有限公司', en: 'Yanyuan Health Ventures' },
    region: { country: 'CN', province: '北京', city: '北京' },
    description: {
      zh: '依托高校校友网络的健康科技创投机构。',
      en: 'A health-tech venture firm built on a university alumni network.',
    },
    website: 'https://yanyuan-health.example',
    verified: true,
  },
  {
    slug: 'demo-us-baybridge-ventures',
    kind: 'investor',
    name: { zh: '湾桥医疗科技创投', en: 'Bay Bridge MedTech Ventures' },
    region: { country: 'US', province: 'California', city: 'San Francisco' },
    description: {
      zh: '美国医疗科技风险投资机构，寻找可进入全球市场的中国创新器械。',
      en: 'A US medtech venture firm looking for Chinese device innovations that can reach global markets.',
    },
    website: 'https://baybridge-ventures.example',
    verified: true,
  },

  // ── IP agencies and technology-transfer services ───────────────────────
  {
    slug: 'demo-sz-zhiqiao-ip',
    kind: 'ip_agency',
    name: { zh: '苏州知桥知识产权代理有限公司', en: 'Suzhou Zhiqiao IP Agency Co., Ltd.' },
    region: { country: 'CN', province: '江苏', city: '苏州' },
    description: {
      zh: '医疗器械领域专利代理与技术经纪服务机构。',
      en: 'Patent prosecution and technology brokerage for medical devices.',
    },
    website: 'https://zhiqiao-ip.example',
    verified: true,
  },
  {
    slug: 'demo-bj-hengzhi-patent',
    kind: 'ip_agency',
    name: { zh: '北京衡知专利代理事务所', en: 'Beijing Hengzhi Patent Attorneys' },
    region: { country: 'CN', province: '北京', city: '北京' },
    description: {
      zh: '提供专利检索、稳定性分析与许可谈判支持的专利代理事务所。',
      en: 'Patent attorneys offering searches, validity analysis and support in license negotiations.',
    },
    website: 'https://hengzhi-patent.example',
    verified: true,
  },
  {
    slug: 'demo-sz-jizhuantong',
    kind: 'ip_agency',
    name: { zh: '深圳技转通技术转移服务有限公司', en: 'Shenzhen TechBridge Technology Transfer Services' },
    region: { country: 'CN', province: '广东', city: '深圳' },
    description: {
      zh: '技术转移与技术合同登记服务机构，协助院所完成成果定价与公示。',
      en: 'A technology-transfer and contract-registration service helping institutes price results and run public notices.',
    },
    website: 'https://techbridge-tt.example',
    verified: true,
  },
  {
    slug: 'demo-sg-straits-ip',
    kind: 'ip_agency',
    name: { zh: '海峡知识产权合伙有限公司', en: 'Straits IP Partners Pte. Ltd.' },
    region: { country: 'SG', city: 'Singapore' },
    description: {
      zh: '新加坡知识产权事务所，协助中国器械企业进行PCT与东南亚布局。',
      en: 'A Singapore IP firm helping Chinese device makers with PCT filings and South-East Asian coverage.',
    },
    website: 'https://straits-ip.example',
    verified: true,
  },
];
