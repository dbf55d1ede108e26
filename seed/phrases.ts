import type { Category, NmpaClass } from '../server/vocabulary.ts';

// Phrase banks for demo listings, one per category. Every phrase comes as a pair
// that says the same thing in Chinese and English; listings are composed from
// them so that the zh and en of one listing always match.
//
// Conventions: `quals` are prefixes (zh directly before the noun, en an adjective
// phrase), `apps` complete "用于…的" (zh) and follow "can be used …" (en, so they
// carry their own preposition), `how` is a verb phrase after a subject such as
// "本专利技术" / "The patented technology".

export interface Pair {
  zh: string;
  en: string;
}

/** What the thing is: decides the wording of related patent titles. */
export type Form = 'device' | 'method' | 'material' | 'reagent' | 'software';

/** A device as written in the banks below; `where` and `adv` are joined from DEVICE_DETAILS. */
interface DeviceBase extends Pair {
  form: Form;
  /** Plausible NMPA classes ('none': not a device, e.g. a component or raw material). */
  nmpa: NmpaClass[];
  quals: Pair[];
  apps: Pair[];
  how: Pair;
}

/** A claimed advantage; `{n}` is replaced by a number from `range` (divided by `scale`). */
export interface Advantage extends Pair {
  range?: [number, number];
  scale?: number;
}

export interface DeviceSpec extends DeviceBase {
  /** Where it is used (en reads after "suited to"). */
  where: Pair;
  /** Claims that hold at any stage (no trial results: the stage is chosen independently). */
  adv: Advantage[];
}

interface BankBase {
  label: Pair;
  devices: DeviceBase[];
  /** IPC classes typical of the category, in the `A61B 8/12` format. */
  ipc: string[];
  problems: Pair[];
}

export interface CategoryBank extends Omit<BankBase, 'devices'> {
  devices: DeviceSpec[];
}

const p = (zh: string, en: string): Pair => ({ zh, en });

export const GENERIC_PROBLEMS: Pair[] = [
  p('同类高端产品长期依赖进口，价格高昂', 'comparable high-end products have long been imported and are expensive'),
  p(
    '现有方案操作复杂，对操作者经验依赖大',
    'existing solutions are complex to operate and depend heavily on operator experience',
  ),
  p(
    '基层医疗机构难以负担现有设备的购置与维护成本',
    'primary-care facilities can hardly afford to buy and maintain existing equipment',
  ),
  p('现有产品的关键部件受制于海外供应商', 'key components of existing products depend on overseas suppliers'),
];

export const GENERIC_ADVANTAGES: Advantage[] = [
  {
    ...p('成本较进口同类产品降低约{n}%', 'it costs about {n}% less than comparable imported products'),
    range: [30, 60],
  },
  p('拥有完整自主知识产权', 'the intellectual property is fully owned'),
  p('工艺路线清晰，便于后续产业化', 'a clear manufacturing route eases later industrialisation'),
];

const BANKS: Record<Category, BankBase> = {
  medical_optics: {
    label: p('医用光学与检测', 'medical optics and inspection'),
    ipc: ['A61B 5/00', 'A61B 3/10', 'A61B 1/04', 'G01N 21/64', 'G01N 21/65', 'G02B 21/00', 'G02B 23/24'],
    devices: [
      {
        ...p('光学相干断层成像系统', 'optical coherence tomography (OCT) system'),
        form: 'device',
        nmpa: ['II', 'III'],
        quals: [p('扫频', 'swept-source'), p('高速', 'high-speed'), p('手持式', 'handheld')],
        apps: [
          p('眼底视网膜疾病筛查', 'for retinal disease screening'),
          p('皮肤肿瘤边界识别', 'for delineating skin-tumour margins'),
          p('口腔黏膜病变检查', 'for examining oral mucosal lesions'),
        ],
        how: p(
          '利用近红外低相干光干涉获取组织微米级断层图像',
          'uses low-coherence near-infrared interferometry to obtain micrometre-resolution cross-sectional images of tissue',
        ),
      },
      {
        ...p('荧光内窥镜', 'fluorescence endoscope'),
        form: 'device',
        nmpa: ['II', 'III'],
        quals: [p('近红外二区', 'NIR-II'), p('多光谱', 'multispectral'), p('一次性使用', 'single-use')],
        apps: [
          p('术中肿瘤边界导航', 'for intraoperative tumour-margin navigation'),
          p('消化道早癌筛查', 'for early gastrointestinal cancer screening'),
          p('胆道手术胆管显影', 'for bile-duct visualisation during biliary surgery'),
        ],
        how: p(
          '结合吲哚菁绿荧光与白光双通道实时成像',
          'combines indocyanine-green fluorescence and white-light imaging in two real-time channels',
        ),
      },
      {
        ...p('无创血红蛋白检测仪', 'non-invasive haemoglobin monitor'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('多波长', 'multi-wavelength'), p('指夹式', 'finger-clip'), p('可穿戴', 'wearable')],
        apps: [
          p('孕产妇贫血筛查', 'for anaemia screening in pregnant women'),
          p('献血前快速筛查', 'for rapid screening of blood donors'),
          p('社区贫血普查', 'for community anaemia surveys'),
        ],
        how: p(
          '通过多波长光电容积信号反演血红蛋白浓度，无需采血',
          'derives haemoglobin concentration from multi-wavelength photoplethysmography, with no blood draw',
        ),
      },
      {
        ...p('数字病理切片扫描仪', 'digital pathology slide scanner'),
        form: 'device',
        nmpa: ['I', 'II'],
        quals: [p('高通量', 'high-throughput'), p('全自动', 'fully automatic'), p('多焦面', 'multi-focal-plane')],
        apps: [
          p('远程病理会诊', 'for remote pathology consultation'),
          p('术中冰冻切片快速诊断', 'for rapid intraoperative frozen-section diagnosis'),
        ],
        how: p(
          '采用线阵扫描与实时自动对焦，在数十秒内完成整张切片数字化',
          'digitises a whole slide in tens of seconds with line-scan imaging and real-time autofocus',
        ),
      },
      {
        ...p('拉曼光谱检测方法', 'Raman spectroscopy detection method'),
        form: 'method',
        nmpa: ['none', 'II'],
        quals: [p('表面增强', 'surface-enhanced'), p('基于深度学习的', 'deep-learning')],
        apps: [
          p('术中组织良恶性快速判别', 'for rapid intraoperative discrimination of benign and malignant tissue'),
          p('尿液代谢物无标记检测', 'for label-free detection of urinary metabolites'),
        ],
        how: p(
          '采集组织或体液的拉曼指纹光谱并通过分类模型给出判别结果',
          'collects Raman fingerprint spectra of tissue or body fluids and classifies them with a trained model',
        ),
      },
      {
        ...p('医用内窥镜光学性能检测装置', 'test rig for the optical performance of medical endoscopes'),
        form: 'device',
        nmpa: ['none'],
        quals: [p('自动化', 'automated'), p('便携式', 'portable')],
        apps: [
          p('内窥镜出厂质量检验', 'in factory quality inspection of endoscopes'),
          p('医院内窥镜定期质控', 'in routine quality control of endoscopes in hospitals'),
        ],
        how: p(
          '一次装夹即可自动测量视场角、分辨率、畸变和照度均匀性',
          'measures field of view, resolution, distortion and illumination uniformity automatically in one set-up',
        ),
      },
    ],
    problems: [
      p(
        '传统光学检查分辨率有限，难以发现早期微小病变',
        'conventional optical examination has limited resolution and misses small early lesions',
      ),
      p('活检取样有创且结果等待时间长', 'biopsy is invasive and results take a long time'),
      p(
        '光学检测设备的质量控制缺乏客观定量手段',
        'quality control of optical equipment lacks objective, quantitative methods',
      ),
    ],
  },

  medical_imaging: {
    label: p('医学影像', 'medical imaging'),
    ipc: ['A61B 6/03', 'A61B 6/00', 'A61B 5/055', 'G06T 7/00', 'G06T 11/00', 'G01R 33/48', 'G16H 30/40'],
    devices: [
      {
        ...p(
          '冠脉CT血流储备分数无创计算方法',
          'method for non-invasive CT-derived fractional flow reserve (CT-FFR) computation',
        ),
        form: 'method',
        nmpa: ['III'],
        quals: [p('基于深度学习的', 'deep-learning'), p('基于降阶流体力学模型的', 'reduced-order fluid-dynamics')],
        apps: [
          p('冠脉狭窄功能学评估', 'in the functional assessment of coronary stenosis'),
          p('胸痛患者分诊', 'in triaging chest-pain patients'),
        ],
        how: p(
          '从常规冠脉CT血管成像数据重建冠脉树并计算各分支的血流储备分数',
          'reconstructs the coronary tree from routine coronary CT angiography and computes the fractional flow reserve of every branch',
        ),
      },
      {
        ...p('低剂量CT图像重建算法', 'low-dose CT image reconstruction algorithm'),
        form: 'software',
        nmpa: ['II'],
        quals: [p('基于深度学习的', 'deep-learning'), p('迭代', 'iterative')],
        apps: [
          p('儿童胸部CT检查', 'for paediatric chest CT'),
          p('肺癌低剂量筛查', 'for low-dose lung-cancer screening'),
        ],
        how: p(
          '在辐射剂量降低一半以上的条件下恢复接近常规剂量的图像质量',
          'restores near-standard image quality while the radiation dose is more than halved',
        ),
      },
      {
        ...p('磁共振射频接收线圈', 'MRI radio-frequency receive coil'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('柔性', 'flexible'), p('多通道', 'multi-channel'), p('高密度阵列', 'high-density array')],
        apps: [
          p('膝关节磁共振成像', 'for knee MRI'),
          p('新生儿头部磁共振成像', 'for neonatal head MRI'),
          p('乳腺磁共振成像', 'for breast MRI'),
        ],
        how: p(
          '采用可贴合体表的阵列单元设计，显著提高局部信噪比',
          'uses array elements that conform to the body surface, markedly raising the local signal-to-noise ratio',
        ),
      },
      {
        ...p('平板X射线探测器', 'flat-panel X-ray detector'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('动态', 'dynamic'), p('光子计数', 'photon-counting'), p('柔性基板', 'flexible-substrate')],
        apps: [
          p('移动床旁摄影', 'for mobile bedside radiography'),
          p('介入血管造影', 'for interventional angiography'),
          p('乳腺X射线摄影', 'for mammography'),
        ],
        how: p(
          '以新型闪烁体与低噪声读出电路实现高量子探测效率',
          'achieves high detective quantum efficiency with a new scintillator and low-noise readout electronics',
        ),
      },
      {
        ...p('肺结节智能辅助诊断软件', 'AI-assisted pulmonary-nodule diagnosis software'),
        form: 'software',
        nmpa: ['II', 'III'],
        quals: [p('多模态', 'multimodal'), p('云端部署的', 'cloud-deployed')],
        apps: [
          p('体检中心肺癌筛查', 'for lung-cancer screening in health-check centres'),
          p('县级医院影像诊断', 'for imaging diagnosis in county hospitals'),
        ],
        how: p(
          '自动检出、分割并随访对比肺结节，给出恶性风险评分',
          'detects, segments and tracks pulmonary nodules automatically and gives a malignancy risk score',
        ),
      },
      {
        ...p('光声成像系统', 'photoacoustic imaging system'),
        form: 'device',
        nmpa: ['II', 'III'],
        quals: [p('手持式', 'handheld'), p('三维', '3D')],
        apps: [
          p('乳腺肿瘤早期诊断', 'for early diagnosis of breast tumours'),
          p('甲状腺结节血供评估', 'for assessing the blood supply of thyroid nodules'),
        ],
        how: p(
          '利用激光激发组织产生超声信号，同时呈现结构与血氧功能信息',
          'excites tissue with laser pulses to generate ultrasound, showing structure and blood oxygenation together',
        ),
      },
      {
        ...p('PET探测器模块', 'PET detector module'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('飞行时间', 'time-of-flight'), p('硅光电倍增管读出的', 'SiPM-readout')],
        apps: [
          p('全身肿瘤代谢显像', 'for whole-body oncological metabolic imaging'),
          p('脑功能显像', 'for functional brain imaging'),
        ],
        how: p(
          '采用硅光电倍增管和深度相互作用定位，提升时间与空间分辨率',
          'uses silicon photomultipliers and depth-of-interaction encoding to improve timing and spatial resolution',
        ),
      },
    ],
    problems: [
      p(
        '影像阅片工作量大，漏诊与误诊风险随疲劳上升',
        'radiologists read large volumes of images, and missed or wrong diagnoses rise with fatigue',
      ),
      p('电离辐射剂量与图像质量难以兼顾', 'radiation dose and image quality are hard to balance'),
      p('有创检查费用高、并发症风险大', 'invasive examinations are costly and carry risks of complications'),
    ],
  },

  medical_electronics: {
    label: p('医用电子', 'medical electronics'),
    ipc: [
      'A61B 5/00',
      'A61B 5/024',
      'A61B 5/0205',
      'A61B 5/145',
      'A61B 5/318',
      'A61B 5/369',
      'A61N 1/36',
      'A61N 1/372',
    ],
    devices: [
      {
        ...p('单导联心电贴', 'single-lead ECG patch'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('长程', 'long-term'), p('低功耗', 'low-power'), p('防水', 'waterproof')],
        apps: [
          p('房颤筛查', 'for atrial-fibrillation screening'),
          p('术后居家心律监测', 'for post-operative rhythm monitoring at home'),
        ],
        how: p(
          '连续记录14天心电并在本地识别心律失常事件',
          'records the ECG continuously for 14 days and detects arrhythmia events on the device',
        ),
      },
      {
        ...p('闭环脑深部电刺激器', 'closed-loop deep-brain stimulator'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('可充电', 'rechargeable'), p('磁共振兼容', 'MRI-compatible')],
        apps: [
          p('帕金森病治疗', "for treating Parkinson's disease"),
          p('难治性癫痫治疗', 'for treating drug-resistant epilepsy'),
        ],
        how: p(
          '实时感知局部场电位并自适应调整刺激参数',
          'senses local field potentials in real time and adapts the stimulation parameters',
        ),
      },
      {
        ...p('连续血糖监测系统', 'continuous glucose monitoring system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('免校准', 'calibration-free'), p('14天长效', '14-day')],
        apps: [
          p('1型糖尿病管理', 'for type 1 diabetes management'),
          p('住院患者血糖管理', 'for inpatient glucose management'),
        ],
        how: p(
          '通过皮下微型酶电极连续测量组织间液葡萄糖浓度',
          'measures interstitial glucose continuously with a subcutaneous micro enzyme electrode',
        ),
      },
      {
        ...p('多参数监护仪', 'multi-parameter patient monitor'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('便携式', 'portable'), p('无线', 'wireless')],
        apps: [
          p('院前急救', 'for pre-hospital emergency care'),
          p('普通病房连续监护', 'for continuous monitoring on general wards'),
        ],
        how: p(
          '同步采集心电、血氧、无创血压和呼吸并进行早期预警评分',
          'acquires ECG, SpO2, non-invasive blood pressure and respiration together and computes an early-warning score',
        ),
      },
      {
        ...p('经皮耳迷走神经刺激装置', 'transcutaneous auricular vagus-nerve stimulator'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('可穿戴', 'wearable'), p('闭环', 'closed-loop')],
        apps: [
          p('抑郁症辅助治疗', 'as an adjunct treatment for depression'),
          p('慢性疼痛管理', 'for chronic-pain management'),
        ],
        how: p(
          '通过耳甲区表面电极无创刺激迷走神经耳支',
          'stimulates the auricular branch of the vagus nerve non-invasively through surface electrodes in the concha',
        ),
      },
      {
        ...p('脑电信号采集芯片', 'EEG acquisition chip'),
        form: 'device',
        nmpa: ['none'],
        quals: [p('低噪声', 'low-noise'), p('64通道', '64-channel')],
        apps: [p('脑机接口', 'in brain–computer interfaces'), p('便携式睡眠监测', 'in portable sleep monitors')],
        how: p(
          '在单颗芯片上集成前置放大、滤波和模数转换',
          'integrates pre-amplification, filtering and analogue-to-digital conversion on a single chip',
        ),
      },
      {
        ...p('心律失常自动分析算法', 'automatic arrhythmia analysis algorithm'),
        form: 'software',
        nmpa: ['II'],
        quals: [p('基于深度学习的', 'deep-learning'), p('轻量化', 'lightweight')],
        apps: [
          p('动态心电图分析', 'for Holter ECG analysis'),
          p('可穿戴设备实时预警', 'for real-time alerts on wearables'),
        ],
        how: p(
          '对单导联或十二导联心电进行逐搏分类，识别20余种心律失常',
          'classifies single-lead or 12-lead ECGs beat by beat and recognises more than 20 arrhythmias',
        ),
      },
    ],
    problems: [
      p('院外生理信号监测依从性差、数据断续', 'out-of-hospital monitoring suffers from poor adherence and patchy data'),
      p(
        '植入式电子器械功耗高、更换手术频繁',
        'implantable electronics draw much power and need frequent replacement surgery',
      ),
      p(
        '海量监测数据依赖人工判读，报警疲劳严重',
        'large volumes of monitoring data rely on manual review, causing alarm fatigue',
      ),
    ],
  },

  medical_acoustics: {
    label: p('医用声学（超声）', 'medical acoustics (ultrasound)'),
    ipc: ['A61B 8/12', 'A61B 8/08', 'A61B 8/00', 'A61B 8/14', 'A61N 7/02', 'G01S 15/89', 'B06B 1/06'],
    devices: [
      {
        ...p('血管内超声导管', 'intravascular ultrasound (IVUS) catheter'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('旋转式', 'rotational'), p('高频', 'high-frequency'), p('双频', 'dual-frequency')],
        apps: [
          p('冠脉介入手术', 'for coronary interventions'),
          p('外周血管介入', 'for peripheral vascular interventions'),
        ],
        how: p(
          '在导管头端集成微型换能器，获取血管360°截面图像',
          'carries a miniature transducer at the catheter tip to acquire 360° cross-sectional images of the vessel',
        ),
      },
      {
        ...p('掌上超声诊断仪', 'handheld ultrasound scanner'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('无线', 'wireless'), p('双探头', 'dual-probe'), p('AI辅助', 'AI-assisted')],
        apps: [
          p('急诊床旁评估', 'for point-of-care assessment in emergency departments'),
          p('基层医疗机构筛查', 'for screening in primary-care facilities'),
        ],
        how: p(
          '将64阵元探头与成像电路集成于手掌大小的设备，通过手机显示图像',
          'packs a 64-element probe and imaging electronics into a palm-sized device that shows images on a phone',
        ),
      },
      {
        ...p('高强度聚焦超声治疗系统', 'high-intensity focused ultrasound (HIFU) therapy system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('磁共振引导', 'MR-guided'), p('超声影像引导', 'ultrasound-guided')],
        apps: [
          p('子宫肌瘤无创消融', 'for non-invasive ablation of uterine fibroids'),
          p('胰腺肿瘤姑息治疗', 'for palliative treatment of pancreatic tumours'),
        ],
        how: p(
          '将体外超声能量聚焦于体内靶区，实现热消融而不损伤周围组织',
          'focuses ultrasound energy from outside the body onto a target inside it, ablating it thermally while sparing surrounding tissue',
        ),
      },
      {
        ...p('超声造影微泡', 'ultrasound contrast microbubbles'),
        form: 'material',
        nmpa: ['none'],
        quals: [p('靶向', 'targeted'), p('载药', 'drug-loaded')],
        apps: [
          p('肝脏肿瘤定性诊断', 'for characterising liver tumours'),
          p('血脑屏障开放', 'for opening the blood–brain barrier'),
        ],
        how: p(
          '以磷脂包裹惰性气体形成粒径均一的微泡，显著增强血流回声信号',
          'encapsulates an inert gas in phospholipid shells of uniform size, strongly enhancing the echo from blood flow',
        ),
      },
      {
        ...p('压电微机械超声换能器阵列', 'piezoelectric micromachined ultrasonic transducer (PMUT) array'),
        form: 'device',
        nmpa: ['none'],
        quals: [p('高密度', 'high-density'), p('柔性', 'flexible')],
        apps: [
          p('可穿戴血压监测', 'for wearable blood-pressure monitoring'),
          p('膀胱容量连续监测', 'for continuous bladder-volume monitoring'),
        ],
        how: p(
          '采用MEMS工艺批量制造阵元，并与CMOS电路单片集成',
          'makes the elements in batches by MEMS processes and integrates them monolithically with CMOS circuits',
        ),
      },
      {
        ...p('超声骨密度仪', 'ultrasound bone densitometer'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('跟骨定量', 'calcaneal quantitative'), p('便携式', 'portable')],
        apps: [
          p('骨质疏松筛查', 'for osteoporosis screening'),
          p('儿童骨发育评估', 'for assessing bone development in children'),
        ],
        how: p(
          '测量超声在骨中的声速与衰减以评估骨强度，无电离辐射',
          'assesses bone strength from the speed and attenuation of ultrasound in bone, without ionising radiation',
        ),
      },
    ],
    problems: [
      p('超声图像质量受操作者手法影响大', 'ultrasound image quality depends strongly on operator technique'),
      p(
        '高端超声换能器的设计与制造能力不足',
        'domestic capacity to design and make high-end ultrasound transducers is limited',
      ),
      p('传统外科手术创伤大、恢复慢', 'conventional open surgery is traumatic and recovery is slow'),
    ],
  },

  precision_machinery: {
    label: p('精密机械与手术机器人', 'precision machinery and surgical robotics'),
    ipc: ['A61B 34/30', 'A61B 34/20', 'A61B 34/37', 'A61B 17/29', 'A61B 17/072', 'A61B 90/00', 'B25J 9/16'],
    devices: [
      {
        ...p('腹腔镜手术机器人', 'laparoscopic surgical robot'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('单孔', 'single-port'), p('力反馈', 'force-feedback'), p('远程', 'telesurgical')],
        apps: [
          p('泌尿外科手术', 'for urological surgery'),
          p('妇科微创手术', 'for minimally invasive gynaecological surgery'),
        ],
        how: p(
          '以多自由度器械臂在体内完成缝合、切割等精细操作，并滤除手部震颤',
          'performs fine suturing and cutting inside the body with multi-degree-of-freedom instrument arms, filtering out hand tremor',
        ),
      },
      {
        ...p('骨科手术导航定位系统', 'orthopaedic surgical navigation system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('光学', 'optical'), p('电磁', 'electromagnetic')],
        apps: [
          p('脊柱椎弓根螺钉置入', 'for pedicle-screw placement in spinal surgery'),
          p('全膝关节置换', 'for total knee arthroplasty'),
        ],
        how: p(
          '融合术前CT与术中定位信息，实时引导器械沿规划路径到达目标',
          'fuses pre-operative CT with intra-operative tracking to guide instruments along the planned path in real time',
        ),
      },
      {
        ...p('血管介入手术机器人', 'vascular interventional robot'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('主从式', 'master–slave'), p('力感知', 'force-sensing')],
        apps: [
          p('冠脉介入手术', 'for percutaneous coronary intervention'),
          p('神经介入取栓', 'for neurointerventional thrombectomy'),
        ],
        how: p(
          '远程操控导丝和导管的推送与旋转，使术者远离射线',
          'advances and rotates guidewires and catheters under remote control, keeping the operator away from radiation',
        ),
      },
      {
        ...p('可弯曲手术器械', 'steerable surgical instrument'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('连续体', 'continuum'), p('一次性使用', 'single-use')],
        apps: [p('经自然腔道内镜手术', 'for natural-orifice endoscopic surgery'), p('鼻窦手术', 'for sinus surgery')],
        how: p(
          '采用线驱动连续体结构，头端可在狭小腔道内多向弯曲',
          'uses a tendon-driven continuum structure whose tip bends in several directions inside narrow lumens',
        ),
      },
      {
        ...p('微创吻合器', 'minimally invasive surgical stapler'),
        form: 'device',
        nmpa: ['II', 'III'],
        quals: [p('电动', 'powered'), p('可旋转', 'rotatable')],
        apps: [p('胃肠吻合', 'for gastrointestinal anastomosis'), p('肺叶切除', 'for lobectomy')],
        how: p(
          '以电机驱动击发并实时监测组织厚度，自动调整成钉压力',
          'fires by motor while monitoring tissue thickness, adjusting the staple-forming force automatically',
        ),
      },
      {
        ...p('手术器械精密加工工艺', 'precision machining process for surgical instruments'),
        form: 'method',
        nmpa: ['none'],
        quals: [p('五轴联动', 'five-axis'), p('超声辅助', 'ultrasonic-assisted')],
        apps: [
          p('微创手术钳批量生产', 'for mass production of minimally invasive forceps'),
          p('骨科植入物加工', 'for machining orthopaedic implants'),
        ],
        how: p(
          '通过刀具路径优化和在线测量，将关键尺寸公差控制在±5微米以内',
          'keeps critical dimensions within ±5 µm through tool-path optimisation and in-process measurement',
        ),
      },
    ],
    problems: [
      p(
        '微创手术器械灵活度不足，复杂操作学习曲线长',
        'minimally invasive instruments lack dexterity, and complex procedures have a long learning curve',
      ),
      p('术者长时间手术易疲劳且受射线照射', 'surgeons tire during long procedures and are exposed to radiation'),
      p('手术定位精度依赖医生经验', 'surgical positioning accuracy depends on the surgeon’s experience'),
    ],
  },

  micro_nano: {
    label: p('医用微纳技术', 'medical micro-nano technology'),
    ipc: ['B81B 7/02', 'A61M 37/00', 'B01L 3/00', 'A61K 9/51', 'A61B 5/1473', 'G01N 33/487', 'G01L 9/00'],
    devices: [
      {
        ...p('可溶性微针贴片', 'dissolving microneedle patch'),
        form: 'device',
        nmpa: ['II', 'III'],
        quals: [p('透明质酸', 'hyaluronic-acid'), p('载药', 'drug-loaded')],
        apps: [p('疫苗无痛接种', 'for painless vaccination'), p('胰岛素经皮递送', 'for transdermal insulin delivery')],
        how: p(
          '以数百根亚毫米级可溶微针穿透角质层并在皮内释放药物',
          'penetrates the stratum corneum with hundreds of sub-millimetre dissolving needles that release the drug in the skin',
        ),
      },
      {
        ...p('微流控芯片', 'microfluidic chip'),
        form: 'device',
        nmpa: ['I', 'II', 'none'],
        quals: [p('离心式', 'centrifugal'), p('纸基', 'paper-based'), p('数字', 'digital')],
        apps: [
          p('循环肿瘤细胞分选', 'for sorting circulating tumour cells'),
          p('即时检测', 'for point-of-care testing'),
        ],
        how: p(
          '在芯片上集成进样、混合、反应和检测单元，样本用量仅需微升级',
          'integrates sample loading, mixing, reaction and detection on one chip, needing only microlitres of sample',
        ),
      },
      {
        ...p('纳米孔测序芯片', 'nanopore sequencing chip'),
        form: 'device',
        nmpa: ['none', 'III'],
        quals: [p('固态', 'solid-state'), p('高通量', 'high-throughput')],
        apps: [
          p('病原体快速鉴定', 'for rapid pathogen identification'),
          p('肿瘤基因突变检测', 'for detecting tumour gene mutations'),
        ],
        how: p(
          '通过检测单分子穿过纳米孔时的离子电流变化读取碱基序列',
          'reads base sequences from changes in ionic current as single molecules pass through nanopores',
        ),
      },
      {
        ...p('纳米药物载体', 'nanoparticle drug carrier'),
        form: 'material',
        nmpa: ['none'],
        quals: [p('肿瘤靶向', 'tumour-targeting'), p('pH响应型', 'pH-responsive')],
        apps: [
          p('实体瘤化疗增效', 'for more effective chemotherapy of solid tumours'),
          p('术后局部缓释给药', 'for sustained local delivery after surgery'),
        ],
        how: p(
          '以可降解聚合物纳米颗粒包载药物，在病灶处富集并可控释放',
          'loads drugs into biodegradable polymer nanoparticles that accumulate at the lesion and release them in a controlled way',
        ),
      },
      {
        ...p('柔性电子皮肤传感器', 'flexible electronic-skin sensor'),
        form: 'device',
        nmpa: ['II', 'none'],
        quals: [p('超薄', 'ultra-thin'), p('自供能', 'self-powered')],
        apps: [
          p('汗液生化指标连续监测', 'for continuous monitoring of sweat biomarkers'),
          p('术后伤口状态监测', 'for monitoring post-operative wounds'),
        ],
        how: p(
          '将纳米材料敏感层印刷在可拉伸基底上，贴合皮肤连续采集生理信号',
          'prints nanomaterial sensing layers on a stretchable substrate that conforms to the skin and records physiological signals continuously',
        ),
      },
      {
        ...p('MEMS压力传感器', 'MEMS pressure sensor'),
        form: 'device',
        nmpa: ['none', 'III'],
        quals: [p('植入式', 'implantable'), p('无线无源', 'wireless passive')],
        apps: [
          p('颅内压监测', 'for intracranial-pressure monitoring'),
          p('心衰患者肺动脉压监测', 'for pulmonary-artery pressure monitoring in heart failure'),
        ],
        how: p(
          '采用硅基微加工的电容式敏感膜，长期漂移小于每月1毫米汞柱',
          'uses a silicon-micromachined capacitive membrane with long-term drift below 1 mmHg per month',
        ),
      },
    ],
    problems: [
      p('传统检测样本用量大、流程繁琐', 'conventional tests need large samples and tedious workflows'),
      p('药物在病灶处富集度低、全身副作用大', 'drugs concentrate poorly at the lesion and cause systemic side effects'),
      p('微纳器件从实验室到量产的工艺转化困难', 'micro-nano devices are hard to move from the lab to mass production'),
    ],
  },

  ivd_molecular: {
    label: p('体外诊断与分子诊断', 'in-vitro and molecular diagnostics'),
    ipc: [
      'C12Q 1/6851',
      'C12Q 1/686',
      'C12Q 1/6886',
      'B01L 7/00',
      'G01N 15/14',
      'G01N 33/53',
      'G01N 21/76',
      'C12M 1/34',
    ],
    devices: [
      {
        ...p('数字PCR系统', 'digital PCR system'),
        form: 'device',
        nmpa: ['I', 'II'],
        quals: [p('微滴式', 'droplet'), p('芯片式', 'chip-based'), p('全自动', 'fully automated')],
        apps: [
          p('肿瘤液体活检', 'for liquid biopsy in oncology'),
          p('病毒载量绝对定量', 'for absolute quantification of viral load'),
        ],
        how: p(
          '将样本分割为数万个微反应单元，实现核酸的绝对定量',
          'partitions a sample into tens of thousands of micro-reactions for absolute quantification of nucleic acids',
        ),
      },
      {
        ...p('流式细胞仪', 'flow cytometer'),
        form: 'device',
        nmpa: ['I', 'II', 'none'],
        quals: [p('多色', 'multicolour'), p('小型化', 'compact'), p('光谱型', 'spectral')],
        apps: [
          p('白血病免疫分型', 'for leukaemia immunophenotyping'),
          p('淋巴细胞亚群计数', 'for lymphocyte subset counting'),
        ],
        how: p(
          '以多路激光激发单细胞荧光，每秒分析数万个细胞',
          'excites single-cell fluorescence with several lasers and analyses tens of thousands of cells per second',
        ),
      },
      {
        ...p('核酸检测试剂盒', 'nucleic-acid test kit'),
        form: 'reagent',
        nmpa: ['II', 'III'],
        quals: [p('多重', 'multiplex'), p('冻干', 'lyophilised'), p('等温扩增', 'isothermal-amplification')],
        apps: [
          p('呼吸道病原体联合检测', 'for combined detection of respiratory pathogens'),
          p('人乳头瘤病毒分型', 'for HPV genotyping'),
          p('结核分枝杆菌耐药检测', 'for detecting drug resistance in Mycobacterium tuberculosis'),
        ],
        how: p(
          '在单管内同步扩增多个靶标，45分钟内出具结果',
          'amplifies several targets in one tube and reports results within 45 minutes',
        ),
      },
      {
        ...p('化学发光免疫分析仪', 'chemiluminescence immunoassay analyser'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('全自动', 'fully automatic'), p('单人份', 'single-test')],
        apps: [
          p('心肌标志物急诊检测', 'for emergency cardiac-marker testing'),
          p('甲状腺功能检测', 'for thyroid-function testing'),
        ],
        how: p(
          '采用磁微粒化学发光法，每小时可完成200个测试',
          'uses magnetic-particle chemiluminescence and runs 200 tests per hour',
        ),
      },
      {
        ...p('甲基化标志物组合', 'methylation biomarker panel'),
        form: 'reagent',
        nmpa: ['III', 'none'],
        quals: [p('粪便DNA', 'stool-DNA'), p('血浆游离DNA', 'cell-free-DNA')],
        apps: [
          p('结直肠癌早筛', 'for early colorectal-cancer screening'),
          p('肝癌早期诊断', 'for early diagnosis of liver cancer'),
        ],
        how: p(
          '联合检测多个基因启动子区的甲基化水平，并由模型给出风险判读',
          'measures promoter methylation of several genes together and interprets the risk with a model',
        ),
      },
      {
        ...p('即时检测读数仪', 'point-of-care test reader'),
        form: 'device',
        nmpa: ['I', 'II'],
        quals: [p('手持式', 'handheld'), p('基于智能手机的', 'smartphone-based')],
        apps: [
          p('基层传染病筛查', 'for infectious-disease screening in primary care'),
          p('家庭慢病自测', 'for self-testing of chronic conditions at home'),
        ],
        how: p(
          '对荧光免疫层析试纸条进行定量读数并上传结果',
          'reads fluorescent lateral-flow strips quantitatively and uploads the results',
        ),
      },
    ],
    problems: [
      p('检测周期长，难以满足急诊与床旁需求', 'turnaround is too long for emergency and point-of-care needs'),
      p('低丰度靶标的检测灵敏度不足', 'sensitivity for low-abundance targets is insufficient'),
      p('核心原料与仪器国产化率低', 'few core raw materials and instruments are made in China'),
    ],
  },

  cardiovascular: {
    label: p('心血管器械', 'cardiovascular devices'),
    ipc: ['A61F 2/24', 'A61F 2/82', 'A61F 2/915', 'A61M 25/10', 'A61B 17/12', 'A61M 60/10', 'A61B 5/021', 'A61B 17/22'],
    devices: [
      {
        ...p('经导管主动脉瓣膜系统', 'transcatheter aortic valve system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('可回收', 'retrievable'), p('干瓣', 'dry-tissue'), p('自膨式', 'self-expanding')],
        apps: [p('重度主动脉瓣狭窄', 'for severe aortic stenosis'), p('主动脉瓣反流', 'for aortic regurgitation')],
        how: p(
          '经股动脉输送并释放人工瓣膜，无需开胸和体外循环',
          'delivers and deploys an artificial valve through the femoral artery, without open-chest surgery or cardiopulmonary bypass',
        ),
      },
      {
        ...p('冠脉支架', 'coronary stent'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('生物可吸收', 'bioresorbable'), p('药物洗脱', 'drug-eluting'), p('超薄支撑杆', 'thin-strut')],
        apps: [p('冠心病介入治疗', 'for coronary artery disease'), p('分叉病变治疗', 'for bifurcation lesions')],
        how: p(
          '以优化的支撑杆结构与涂层工艺降低再狭窄和血栓风险',
          'lowers the risk of restenosis and thrombosis through an optimised strut design and coating process',
        ),
      },
      {
        ...p('左心耳封堵器', 'left atrial appendage occluder'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('盘式', 'disc-type'), p('可降解', 'biodegradable')],
        apps: [p('非瓣膜性房颤卒中预防', 'for stroke prevention in non-valvular atrial fibrillation')],
        how: p(
          '经导管封堵左心耳开口，替代长期口服抗凝药',
          'closes the mouth of the left atrial appendage by catheter, replacing long-term oral anticoagulation',
        ),
      },
      {
        ...p('心室辅助装置', 'ventricular assist device'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('磁悬浮', 'maglev'), p('经皮', 'percutaneous')],
        apps: [
          p('终末期心衰治疗', 'for end-stage heart failure'),
          p('高危介入手术循环支持', 'for circulatory support in high-risk interventions'),
        ],
        how: p(
          '以磁悬浮叶轮无接触驱动血流，降低溶血与血栓风险',
          'drives blood with a contact-free, magnetically levitated impeller, reducing haemolysis and thrombosis',
        ),
      },
      {
        ...p('药物涂层球囊导管', 'drug-coated balloon catheter'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('紫杉醇', 'paclitaxel'), p('西罗莫司', 'sirolimus')],
        apps: [p('支架内再狭窄', 'for in-stent restenosis'), p('下肢动脉病变', 'for lower-limb arterial disease')],
        how: p(
          '在球囊扩张时将抗增殖药物均匀转移至血管壁，不留植入物',
          'transfers an anti-proliferative drug evenly to the vessel wall during dilation, leaving no implant behind',
        ),
      },
      {
        ...p('无创连续血压监测装置', 'non-invasive continuous blood-pressure monitor'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('腕式', 'wrist-worn'), p('无袖带', 'cuffless')],
        apps: [
          p('高血压居家管理', 'for home hypertension management'),
          p('围术期血压监测', 'for perioperative blood-pressure monitoring'),
        ],
        how: p('基于脉搏波传导时间逐拍估算血压', 'estimates blood pressure beat by beat from the pulse transit time'),
      },
      {
        ...p('血管内冲击波导管', 'intravascular lithotripsy catheter'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('多发射器', 'multi-emitter'), p('小外径', 'low-profile')],
        apps: [
          p('冠脉钙化病变', 'for calcified coronary lesions'),
          p('外周动脉钙化', 'for calcified peripheral arteries'),
        ],
        how: p(
          '在球囊内产生声压冲击波，选择性击碎血管壁钙化',
          'generates acoustic pressure waves inside a balloon that selectively crack vascular calcium',
        ),
      },
    ],
    problems: [
      p(
        '高龄及合并症患者难以耐受开胸手术',
        'elderly patients and those with comorbidities cannot tolerate open-heart surgery',
      ),
      p('永久植入物存在远期血栓与再狭窄风险', 'permanent implants carry long-term risks of thrombosis and restenosis'),
      p(
        '心血管疾病的院外管理缺乏连续数据',
        'out-of-hospital management of cardiovascular disease lacks continuous data',
      ),
    ],
  },

  biomaterials: {
    label: p('生物医用材料', 'biomedical materials'),
    ipc: [
      'A61L 27/18',
      'A61L 27/36',
      'A61L 27/54',
      'A61L 27/52',
      'A61L 31/16',
      'A61L 15/44',
      'A61L 33/00',
      'C08G 63/08',
    ],
    devices: [
      {
        ...p('可注射水凝胶', 'injectable hydrogel'),
        form: 'material',
        nmpa: ['III'],
        quals: [p('温敏', 'thermosensitive'), p('自愈合', 'self-healing'), p('抗菌', 'antibacterial')],
        apps: [
          p('心肌梗死后修复', 'for repair after myocardial infarction'),
          p('关节软骨修复', 'for articular-cartilage repair'),
        ],
        how: p(
          '注射后在体温下原位成胶，为组织再生提供支架并缓释活性因子',
          'gels in situ at body temperature after injection, providing a scaffold for regeneration and releasing active factors slowly',
        ),
      },
      {
        ...p('可吸收骨修复材料', 'resorbable bone-repair material'),
        form: 'material',
        nmpa: ['III'],
        quals: [p('3D打印', '3D-printed'), p('多孔', 'porous')],
        apps: [p('骨缺损填充', 'for filling bone defects'), p('脊柱融合', 'for spinal fusion')],
        how: p(
          '以磷酸钙与可降解高分子复合构建仿生多孔结构，降解速率与新骨生长相匹配',
          'combines calcium phosphate with a degradable polymer in a biomimetic porous structure that degrades as new bone grows',
        ),
      },
      {
        ...p('医用敷料', 'wound dressing'),
        form: 'material',
        nmpa: ['II'],
        quals: [p('抗菌', 'antibacterial'), p('智能响应', 'smart-responsive'), p('止血', 'haemostatic')],
        apps: [p('糖尿病足溃疡', 'for diabetic foot ulcers'), p('烧伤创面', 'for burn wounds')],
        how: p(
          '保持创面湿润并按感染程度释放抗菌成分，促进愈合',
          'keeps the wound moist and releases antibacterial agents according to the level of infection, promoting healing',
        ),
      },
      {
        ...p('人工角膜', 'artificial cornea'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('生物工程', 'bioengineered'), p('脱细胞', 'decellularised')],
        apps: [p('角膜盲复明', 'for restoring sight in corneal blindness')],
        how: p(
          '以脱细胞基质构建透明支架，移植后可被宿主细胞重新长入',
          'uses a transparent decellularised matrix that host cells repopulate after transplantation',
        ),
      },
      {
        ...p('抗凝血涂层', 'anticoagulant coating'),
        form: 'material',
        nmpa: ['III', 'none'],
        quals: [p('仿生', 'biomimetic'), p('一氧化氮释放型', 'nitric-oxide-releasing')],
        apps: [p('体外膜肺氧合管路', 'for ECMO circuits'), p('血管支架与人工血管', 'for stents and vascular grafts')],
        how: p(
          '在材料表面构建仿生内皮层，显著减少血小板黏附',
          'builds a biomimetic endothelial layer on the surface, markedly reducing platelet adhesion',
        ),
      },
      {
        ...p('医用级聚乳酸材料', 'medical-grade polylactic acid'),
        form: 'material',
        nmpa: ['none'],
        quals: [p('高纯度', 'high-purity'), p('高分子量', 'high-molecular-weight')],
        apps: [p('可吸收缝合线', 'for absorbable sutures'), p('可吸收骨钉', 'for resorbable bone screws')],
        how: p(
          '通过开环聚合与精制工艺控制残留单体和分子量分布',
          'controls residual monomer and molecular-weight distribution through ring-opening polymerisation and purification',
        ),
      },
    ],
    problems: [
      p(
        '现有植入材料的降解速率与组织再生不匹配',
        'the degradation of existing implant materials does not match tissue regeneration',
      ),
      p('材料生物相容性不足，易引发炎症反应', 'limited biocompatibility of materials provokes inflammation'),
      p('医用级原材料依赖进口且供货周期长', 'medical-grade raw materials are imported with long lead times'),
    ],
  },

  rehabilitation: {
    label: p('康复与辅助器具', 'rehabilitation and assistive devices'),
    ipc: ['A61H 1/02', 'A61H 3/00', 'B25J 9/00', 'A61F 2/68', 'A61F 2/72', 'A61G 5/04', 'A61N 1/36', 'A61B 5/11'],
    devices: [
      {
        ...p('下肢外骨骼机器人', 'lower-limb exoskeleton robot'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('助行', 'gait-assist'), p('轻量化', 'lightweight')],
        apps: [
          p('脊髓损伤患者步行训练', 'for gait training after spinal-cord injury'),
          p('脑卒中偏瘫康复', 'for rehabilitation of hemiplegia after stroke'),
        ],
        how: p(
          '根据肌电与关节角度识别运动意图，提供按需助力',
          'recognises motion intent from EMG and joint angles and provides assistance as needed',
        ),
      },
      {
        ...p('上肢康复训练机器人', 'upper-limb rehabilitation robot'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('桌面式', 'desktop'), p('镜像疗法', 'mirror-therapy')],
        apps: [
          p('脑卒中后上肢功能康复', 'for upper-limb recovery after stroke'),
          p('居家远程康复', 'for remote rehabilitation at home'),
        ],
        how: p(
          '结合游戏化任务与阻抗控制，自动调整训练难度',
          'combines game-like tasks with impedance control and adjusts training difficulty automatically',
        ),
      },
      {
        ...p('智能假肢', 'intelligent prosthesis'),
        form: 'device',
        nmpa: ['I', 'II'],
        quals: [p('肌电控制', 'myoelectric'), p('动力型', 'powered')],
        apps: [p('上肢截肢者', 'for upper-limb amputees'), p('膝上截肢者', 'for above-knee amputees')],
        how: p(
          '通过表面肌电模式识别实现多自由度的自然控制',
          'achieves natural multi-degree-of-freedom control through surface-EMG pattern recognition',
        ),
      },
      {
        ...p('防跌倒监测系统', 'fall-prevention monitoring system'),
        form: 'software',
        nmpa: ['I', 'none'],
        quals: [p('毫米波雷达', 'mmWave-radar'), p('非接触式', 'contactless')],
        apps: [
          p('养老机构夜间看护', 'for night-time care in nursing homes'),
          p('独居老人居家照护', 'for older people living alone'),
        ],
        how: p(
          '以雷达感知姿态与步态，在跌倒发生后数秒内报警',
          'senses posture and gait by radar and raises an alarm within seconds of a fall',
        ),
      },
      {
        ...p('吞咽障碍电刺激治疗仪', 'dysphagia electrical-stimulation device'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('表面肌电触发', 'sEMG-triggered'), p('便携式', 'portable')],
        apps: [
          p('脑卒中后吞咽障碍', 'for dysphagia after stroke'),
          p('头颈部肿瘤放疗后吞咽康复', 'for swallowing rehabilitation after head-and-neck radiotherapy'),
        ],
        how: p(
          '在患者主动吞咽时同步触发神经肌肉电刺激，强化吞咽动作',
          'triggers neuromuscular electrical stimulation in step with voluntary swallowing to strengthen it',
        ),
      },
      {
        ...p('智能轮椅', 'smart wheelchair'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('脑机接口控制', 'BCI-controlled'), p('自主导航', 'self-navigating')],
        apps: [
          p('高位截瘫患者出行', 'for the mobility of people with tetraplegia'),
          p('院内患者转运', 'for moving patients inside hospitals'),
        ],
        how: p(
          '融合激光雷达与视觉感知，实现避障和自主行驶',
          'fuses lidar and vision to avoid obstacles and drive autonomously',
        ),
      },
    ],
    problems: [
      p('康复治疗师资源短缺，患者难以获得足量训练', 'therapists are scarce, so patients get too little training'),
      p('康复效果缺乏客观量化评估', 'rehabilitation outcomes lack objective, quantitative assessment'),
      p('人口老龄化使照护需求快速增长', 'population ageing is driving rapid growth in care needs'),
    ],
  },

  laser_medicine: {
    label: p('激光医学', 'laser medicine'),
    ipc: ['A61N 5/067', 'A61N 5/06', 'A61B 18/20', 'A61B 18/22', 'A61F 9/008', 'H01S 3/00', 'A61B 18/26'],
    devices: [
      {
        ...p('皮秒激光治疗仪', 'picosecond laser therapy system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('多波长', 'multi-wavelength'), p('点阵', 'fractional')],
        apps: [p('色素性皮肤病治疗', 'for treating pigmented skin lesions'), p('文身去除', 'for tattoo removal')],
        how: p(
          '以皮秒级超短脉冲产生光机械效应击碎色素颗粒',
          'shatters pigment particles through the photomechanical effect of picosecond pulses',
        ),
      },
      {
        ...p('眼科飞秒激光手术系统', 'ophthalmic femtosecond laser surgery system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('低能量高频', 'low-energy high-repetition-rate'), p('影像引导', 'image-guided')],
        apps: [p('屈光手术', 'for refractive surgery'), p('白内障手术', 'for cataract surgery')],
        how: p(
          '在角膜或晶状体内聚焦飞秒脉冲，完成微米级精确切割',
          'focuses femtosecond pulses inside the cornea or lens to make micrometre-precise cuts',
        ),
      },
      {
        ...p('光动力治疗系统', 'photodynamic therapy system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('LED阵列', 'LED-array'), p('腔内', 'intraluminal')],
        apps: [
          p('鲜红斑痣治疗', 'for treating port-wine stains'),
          p('早期食管癌治疗', 'for treating early oesophageal cancer'),
        ],
        how: p(
          '以特定波长的光激活光敏剂，选择性破坏病变组织',
          'activates a photosensitiser with light of a specific wavelength to destroy diseased tissue selectively',
        ),
      },
      {
        ...p('钬激光碎石系统', 'holmium laser lithotripsy system'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('高功率', 'high-power'), p('脉冲调制', 'pulse-modulated')],
        apps: [p('泌尿系结石', 'for urinary stones'), p('前列腺剜除术', 'for prostate enucleation')],
        how: p(
          '经光纤输出钬激光脉冲，将结石粉末化并减少结石移位',
          'delivers holmium laser pulses through a fibre, dusting stones while reducing retropulsion',
        ),
      },
      {
        ...p('低能量激光治疗仪', 'low-level laser therapy device'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('可穿戴', 'wearable'), p('半导体', 'diode')],
        apps: [
          p('口腔黏膜炎防治', 'for preventing and treating oral mucositis'),
          p('慢性伤口愈合', 'for chronic wound healing'),
        ],
        how: p(
          '以红光和近红外光调节细胞代谢，减轻炎症并促进修复',
          'modulates cell metabolism with red and near-infrared light, reducing inflammation and promoting repair',
        ),
      },
      {
        ...p('激光消融光纤', 'laser ablation fibre'),
        form: 'device',
        nmpa: ['III'],
        quals: [p('侧向出光', 'side-firing'), p('径向', 'radial')],
        apps: [
          p('下肢静脉曲张腔内闭合', 'for endovenous closure of varicose veins'),
          p('甲状腺结节消融', 'for ablation of thyroid nodules'),
        ],
        how: p(
          '通过特殊光纤头端使能量均匀分布，减少组织碳化',
          'spreads the energy evenly through a special fibre tip, reducing tissue charring',
        ),
      },
    ],
    problems: [
      p('传统激光治疗热损伤大、恢复期长', 'conventional laser treatment causes thermal damage and long recovery'),
      p('进口激光设备的购置与维护成本高', 'imported laser systems are expensive to buy and maintain'),
      p('治疗参数依赖经验设置，疗效一致性差', 'treatment parameters are set by experience, so results vary'),
    ],
  },

  other: {
    label: p('其他', 'other'),
    ipc: ['A61M 5/142', 'A61L 2/14', 'A61M 1/00', 'A61G 7/057', 'G16H 40/20', 'G16H 40/63', 'A61B 90/90'],
    devices: [
      {
        ...p('智能输液泵', 'smart infusion pump'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('联网', 'networked'), p('便携式', 'ambulatory')],
        apps: [p('重症监护用药', 'for medication in intensive care'), p('居家镇痛', 'for pain management at home')],
        how: p(
          '内置药物库并校验剂量上下限，防止给药差错',
          'checks doses against a built-in drug library with hard and soft limits to prevent medication errors',
        ),
      },
      {
        ...p('低温等离子体灭菌器', 'low-temperature plasma steriliser'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('过氧化氢', 'hydrogen-peroxide'), p('快速', 'rapid')],
        apps: [
          p('不耐热内镜灭菌', 'for sterilising heat-sensitive endoscopes'),
          p('手术器械快速周转', 'for fast turnaround of surgical instruments'),
        ],
        how: p('在50°C以下完成灭菌，单个循环仅需28分钟', 'sterilises below 50 °C in a cycle of only 28 minutes'),
      },
      {
        ...p('医疗器械唯一标识管理平台', 'UDI management platform for medical devices'),
        form: 'software',
        nmpa: ['none'],
        quals: [p('云端', 'cloud'), p('基于区块链的', 'blockchain-based')],
        apps: [
          p('高值耗材全流程追溯', 'for end-to-end tracing of high-value consumables'),
          p('医院耗材库存管理', 'for managing hospital consumables inventory'),
        ],
        how: p(
          '对接国家UDI数据库，自动完成耗材扫码入库、使用与计费',
          'links to the national UDI database and automates scanning-in, use and billing of consumables',
        ),
      },
      {
        ...p('负压伤口治疗系统', 'negative-pressure wound therapy system'),
        form: 'device',
        nmpa: ['II'],
        quals: [p('一次性', 'single-use'), p('冲洗型', 'instillation')],
        apps: [
          p('慢性难愈合创面', 'for chronic non-healing wounds'),
          p('术后切口管理', 'for closed surgical incisions'),
        ],
        how: p(
          '以可控负压引流渗液并促进肉芽组织生长',
          'drains exudate and stimulates granulation tissue with controlled negative pressure',
        ),
      },
      {
        ...p('防褥疮气垫床', 'anti-pressure-ulcer air mattress'),
        form: 'device',
        nmpa: ['I'],
        quals: [p('交替压力', 'alternating-pressure'), p('智能调压', 'auto-adjusting')],
        apps: [p('长期卧床患者护理', 'for long-term bedridden patients'), p('重症监护病房', 'in intensive care units')],
        how: p(
          '根据体压分布自动调节各气室压力，减轻骨突部位受压',
          'adjusts each air cell according to the body-pressure map, relieving bony prominences',
        ),
      },
      {
        ...p('手术室智能管理系统', 'smart operating-room management system'),
        form: 'software',
        nmpa: ['none'],
        quals: [p('基于物联网的', 'IoT-based'), p('一体化', 'integrated')],
        apps: [p('手术排程与器械追踪', 'for surgery scheduling and instrument tracking')],
        how: p(
          '汇集设备、人员和耗材数据，实时显示手术进程并优化排程',
          'brings together equipment, staff and consumables data, showing surgical progress in real time and optimising the schedule',
        ),
      },
    ],
    problems: [
      p('医院运营流程依赖人工，差错率高', 'hospital operations rely on manual work and error rates are high'),
      p('院感防控对器械处理提出更高要求', 'infection control places higher demands on device reprocessing'),
      p('长期卧床与慢性创面患者的护理负担重', 'caring for bedridden patients and chronic wounds is a heavy burden'),
    ],
  },
};

const a = (zh: string, en: string, range?: [number, number], scale?: number): Advantage => ({ zh, en, range, scale });

/** Per device (keyed by its Chinese name): where it is used and what it does better. */
const DEVICE_DETAILS: Record<string, { where: Pair; adv: Advantage[] }> = {
  // medical_optics
  光学相干断层成像系统: {
    where: p('眼科与皮肤科门诊', 'ophthalmology and dermatology clinics'),
    adv: [
      a('轴向分辨率达到{n}微米', 'axial resolution reaches {n} µm', [3, 10]),
      a('成像速度达到每秒{n}帧', 'imaging runs at {n} frames per second', [20, 200]),
    ],
  },
  荧光内窥镜: {
    where: p('手术室与内镜中心', 'operating rooms and endoscopy centres'),
    adv: [
      a(
        '荧光信噪比较现有产品提高约{n}%',
        'the fluorescence signal-to-noise ratio is about {n}% higher than in existing products',
        [30, 120],
      ),
      a('可显示直径{n}毫米以下的微小病灶', 'it reveals lesions smaller than {n} mm', [1, 3]),
    ],
  },
  无创血红蛋白检测仪: {
    where: p('体检中心与社区卫生服务中心', 'health-check centres and community health centres'),
    adv: [
      a('与静脉血检测结果的相关系数达到0.{n}', 'its readings correlate with venous blood tests at r = 0.{n}', [90, 97]),
      a('单次检测仅需{n}秒', 'a measurement takes only {n} seconds', [15, 60]),
    ],
  },
  数字病理切片扫描仪: {
    where: p('病理科', 'pathology departments'),
    adv: [
      a('单张切片扫描时间少于{n}秒', 'a slide is scanned in under {n} seconds', [30, 90]),
      a('可一次装载{n}张切片，无人值守运行', 'it loads {n} slides at once and runs unattended', [100, 400]),
    ],
  },
  拉曼光谱检测方法: {
    where: p('手术室与检验科', 'operating rooms and clinical laboratories'),
    adv: [
      a('判别准确率达到{n}%', 'classification accuracy reaches {n}%', [88, 97]),
      a('单次检测时间少于{n}分钟', 'a test takes under {n} minutes', [2, 10]),
    ],
  },
  医用内窥镜光学性能检测装置: {
    where: p('器械生产企业与医院设备科', 'device manufacturers and hospital equipment departments'),
    adv: [
      a('测量重复性误差小于{n}%', 'repeatability error is below {n}%', [1, 5]),
      a('单支内窥镜检测仅需{n}分钟', 'testing one endoscope takes only {n} minutes', [3, 10]),
    ],
  },

  // medical_imaging
  冠脉CT血流储备分数无创计算方法: {
    where: p('心内科与影像科', 'cardiology and radiology departments'),
    adv: [
      a('与有创FFR的诊断一致性达到{n}%', 'diagnostic agreement with invasive FFR reaches {n}%', [85, 94]),
      a('单例计算时间少于{n}分钟', 'computation takes under {n} minutes per case', [2, 10]),
    ],
  },
  低剂量CT图像重建算法: {
    where: p('影像科', 'radiology departments'),
    adv: [
      a('辐射剂量降低约{n}%', 'the radiation dose is reduced by about {n}%', [40, 75]),
      a('单例重建时间少于{n}秒', 'reconstruction takes under {n} seconds per case', [5, 30]),
    ],
  },
  磁共振射频接收线圈: {
    where: p('磁共振检查室', 'MRI suites'),
    adv: [
      a(
        '局部信噪比较常规线圈提高约{n}%',
        'the local signal-to-noise ratio is about {n}% higher than with conventional coils',
        [30, 80],
      ),
      a('线圈重量仅{n}克，佩戴舒适', 'the coil weighs only {n} g and is comfortable to wear', [300, 900]),
    ],
  },
  平板X射线探测器: {
    where: p('放射科与导管室', 'radiology departments and catheterisation laboratories'),
    adv: [
      a('量子探测效率达到{n}%', 'detective quantum efficiency reaches {n}%', [60, 80]),
      a('帧率可达每秒{n}帧', 'frame rates reach {n} frames per second', [15, 60]),
    ],
  },
  肺结节智能辅助诊断软件: {
    where: p('体检中心与影像科', 'health-check centres and radiology departments'),
    adv: [
      a('结节检出敏感度达到{n}%', 'nodule detection sensitivity reaches {n}%', [92, 98]),
      a('阅片时间缩短约{n}%', 'reading time is cut by about {n}%', [30, 60]),
    ],
  },
  光声成像系统: {
    where: p('超声科与乳腺外科', 'ultrasound and breast-surgery departments'),
    adv: [
      a('成像深度达到{n}毫米', 'imaging depth reaches {n} mm', [20, 50]),
      a('无需造影剂即可显示血氧饱和度分布', 'it maps blood-oxygen saturation without contrast agents'),
    ],
  },
  PET探测器模块: {
    where: p('核医学科', 'nuclear medicine departments'),
    adv: [
      a('时间分辨率优于{n}皮秒', 'timing resolution is better than {n} ps', [180, 300]),
      a('空间分辨率达到{n}毫米', 'spatial resolution reaches {n} mm', [12, 30], 10),
    ],
  },

  // medical_electronics
  单导联心电贴: {
    where: p('心内科门诊与居家场景', 'cardiology clinics and patients’ homes'),
    adv: [
      a('续航时间达{n}天', 'battery life reaches {n} days', [7, 30]),
      a('房颤识别敏感度达到{n}%', 'atrial-fibrillation detection sensitivity reaches {n}%', [94, 99]),
    ],
  },
  闭环脑深部电刺激器: {
    where: p('神经外科', 'neurosurgery departments'),
    adv: [
      a('电池寿命延长约{n}%', 'battery life is about {n}% longer', [30, 80]),
      a('刺激参数可远程程控调整', 'stimulation parameters can be adjusted by remote programming'),
    ],
  },
  连续血糖监测系统: {
    where: p('内分泌科与居家场景', 'endocrinology departments and patients’ homes'),
    adv: [
      a(
        '平均绝对相对误差（MARD）低至{n}%',
        'the mean absolute relative difference (MARD) is as low as {n}%',
        [75, 95],
        10,
      ),
      a('单个传感器可佩戴{n}天', 'one sensor is worn for {n} days', [10, 15]),
    ],
  },
  多参数监护仪: {
    where: p('急诊科与普通病房', 'emergency departments and general wards'),
    adv: [
      a('整机重量仅{n}千克', 'the unit weighs only {n} kg', [8, 30], 10),
      a('误报警减少约{n}%', 'false alarms are reduced by about {n}%', [30, 70]),
    ],
  },
  经皮耳迷走神经刺激装置: {
    where: p('精神科与疼痛科门诊', 'psychiatry and pain clinics'),
    adv: [
      a(
        '无需手术植入，单次治疗仅{n}分钟',
        'no implant surgery is needed, and a session takes only {n} minutes',
        [15, 30],
      ),
      a('可通过手机应用设定治疗方案并记录依从性', 'treatment plans are set and adherence is logged in a phone app'),
    ],
  },
  脑电信号采集芯片: {
    where: p('脑机接口与睡眠监测设备', 'brain–computer interface and sleep-monitoring devices'),
    adv: [
      a('输入参考噪声低于{n}微伏', 'input-referred noise is below {n} µV', [5, 15], 10),
      a('单通道功耗仅{n}微瓦', 'power is only {n} µW per channel', [5, 50]),
    ],
  },
  心律失常自动分析算法: {
    where: p('心电诊断中心与可穿戴设备', 'ECG reading centres and wearables'),
    adv: [
      a('逐搏分类准确率达到{n}%', 'beat classification accuracy reaches {n}%', [95, 99]),
      a(
        '模型仅{n}KB，可在低功耗芯片上实时运行',
        'the model is only {n} KB and runs in real time on low-power chips',
        [64, 512],
      ),
    ],
  },

  // medical_acoustics
  血管内超声导管: {
    where: p('导管室', 'catheterisation laboratories'),
    adv: [
      a('中心频率可达{n}MHz', 'the centre frequency reaches {n} MHz', [40, 60]),
      a('导管外径仅{n}F', 'the catheter is only {n} F in diameter', [25, 32], 10),
    ],
  },
  掌上超声诊断仪: {
    where: p('急诊科与基层医疗机构', 'emergency departments and primary-care facilities'),
    adv: [
      a('整机重量仅{n}克', 'it weighs only {n} g', [150, 400]),
      a('可连续扫描{n}分钟', 'it scans continuously for {n} minutes', [60, 180]),
    ],
  },
  高强度聚焦超声治疗系统: {
    where: p('妇科与肿瘤科', 'gynaecology and oncology departments'),
    adv: [
      a('焦域定位精度优于{n}毫米', 'focal positioning accuracy is better than {n} mm', [5, 15], 10),
      a('无需切口，治疗后{n}天内即可出院', 'no incision is needed, and patients can go home within {n} days', [1, 3]),
    ],
  },
  超声造影微泡: {
    where: p('超声医学科', 'ultrasound departments'),
    adv: [
      a('微泡粒径分布变异系数小于{n}%', 'the coefficient of variation of bubble size is below {n}%', [5, 15]),
      a('室温下可稳定保存{n}个月', 'it keeps for {n} months at room temperature', [6, 24]),
    ],
  },
  压电微机械超声换能器阵列: {
    where: p('可穿戴设备与超声探头', 'wearables and ultrasound probes'),
    adv: [
      a('工作电压低于{n}伏', 'it runs on less than {n} V', [5, 30]),
      a('采用晶圆级工艺，单片成本降低约{n}%', 'wafer-level processing cuts the unit cost by about {n}%', [50, 80]),
    ],
  },
  超声骨密度仪: {
    where: p('体检中心与社区卫生服务中心', 'health-check centres and community health centres'),
    adv: [
      a('单次测量仅需{n}秒', 'a measurement takes only {n} seconds', [10, 40]),
      a(
        '测量精度（变异系数）优于{n}%',
        'measurement precision (coefficient of variation) is better than {n}%',
        [5, 20],
        10,
      ),
    ],
  },

  // precision_machinery
  腹腔镜手术机器人: {
    where: p('手术室', 'operating rooms'),
    adv: [
      a('器械末端具有{n}个自由度', 'the instrument tips have {n} degrees of freedom', [6, 7]),
      a(
        '系统占地面积较同类产品减少约{n}%',
        'the system takes about {n}% less floor space than comparable products',
        [30, 50],
      ),
    ],
  },
  骨科手术导航定位系统: {
    where: p('骨科手术室', 'orthopaedic operating rooms'),
    adv: [
      a('定位精度优于{n}毫米', 'positioning accuracy is better than {n} mm', [5, 15], 10),
      a('术中透视次数减少约{n}%', 'intra-operative fluoroscopy shots are reduced by about {n}%', [50, 80]),
    ],
  },
  血管介入手术机器人: {
    where: p('导管室', 'catheterisation laboratories'),
    adv: [
      a('术者辐射暴露降低约{n}%', 'the operator’s radiation exposure is reduced by about {n}%', [90, 99]),
      a('导丝推送精度达到{n}毫米', 'guidewire advancement is precise to {n} mm', [5, 20], 10),
    ],
  },
  可弯曲手术器械: {
    where: p('耳鼻喉科与消化内镜中心', 'ENT departments and endoscopy centres'),
    adv: [
      a('头端弯曲角度可达{n}°', 'the tip bends up to {n}°', [120, 210]),
      a('器械直径仅{n}毫米', 'the instrument is only {n} mm in diameter', [25, 60], 10),
    ],
  },
  微创吻合器: {
    where: p('普外科与胸外科手术室', 'general and thoracic surgery theatres'),
    adv: [
      a('成钉高度一致性提高约{n}%', 'staple-height consistency is about {n}% better', [20, 50]),
      a('单手即可完成击发与旋转', 'firing and rotation can be done with one hand'),
    ],
  },
  手术器械精密加工工艺: {
    where: p('手术器械生产企业', 'surgical-instrument manufacturers'),
    adv: [
      a('加工良率提升至{n}%', 'machining yield rises to {n}%', [95, 99]),
      a('单件加工时间缩短约{n}%', 'machining time per part is cut by about {n}%', [20, 50]),
    ],
  },

  // micro_nano
  可溶性微针贴片: {
    where: p('疫苗接种门诊与居家场景', 'vaccination clinics and patients’ homes'),
    adv: [
      a('贴敷后{n}分钟内微针完全溶解', 'the needles dissolve completely within {n} minutes of application', [5, 30]),
      a(
        '无需冷链，室温下可保存{n}个月',
        'no cold chain is needed; it keeps for {n} months at room temperature',
        [6, 24],
      ),
    ],
  },
  微流控芯片: {
    where: p('检验科与床旁检测场景', 'clinical laboratories and point-of-care testing'),
    adv: [
      a('样本用量仅需{n}微升', 'it needs only {n} µL of sample', [5, 50]),
      a('检测时间缩短至{n}分钟', 'testing time is cut to {n} minutes', [10, 40]),
    ],
  },
  纳米孔测序芯片: {
    where: p('病原检测与肿瘤基因检测实验室', 'pathogen and tumour-genomics laboratories'),
    adv: [
      a('单芯片数据产出达到{n}Gb', 'one chip yields {n} Gb of data', [5, 50]),
      a('从样本到结果仅需{n}小时', 'sample to result takes only {n} hours', [4, 12]),
    ],
  },
  纳米药物载体: {
    where: p('肿瘤科', 'oncology departments'),
    adv: [
      a('肿瘤部位药物富集提高约{n}倍', 'drug accumulation in the tumour rises about {n}-fold', [3, 10]),
      a('载药量达到{n}%', 'drug loading reaches {n}%', [10, 40]),
    ],
  },
  柔性电子皮肤传感器: {
    where: p('居家监测与术后随访', 'home monitoring and post-operative follow-up'),
    adv: [
      a('厚度仅{n}微米，可连续贴敷7天', 'only {n} µm thick, it can be worn for seven days', [5, 50]),
      a('拉伸{n}%时性能保持稳定', 'performance stays stable at {n}% strain', [30, 100]),
    ],
  },
  MEMS压力传感器: {
    where: p('神经外科与心衰门诊', 'neurosurgery departments and heart-failure clinics'),
    adv: [
      a('传感器尺寸仅{n}毫米', 'the sensor is only {n} mm across', [10, 30], 10),
      a('测量精度达到±{n}毫米汞柱', 'accuracy reaches ±{n} mmHg', [5, 20], 10),
    ],
  },

  // ivd_molecular
  数字PCR系统: {
    where: p('医院检验科与第三方医学检验实验室', 'hospital and independent clinical laboratories'),
    adv: [
      a('检测限低至每反应{n}个拷贝', 'the limit of detection is as low as {n} copies per reaction', [1, 5]),
      a('从样本到结果仅需{n}分钟', 'sample to result takes only {n} minutes', [60, 150]),
    ],
  },
  流式细胞仪: {
    where: p('血液科实验室', 'haematology laboratories'),
    adv: [
      a('可同时检测{n}种荧光标记', 'it detects {n} fluorescent labels at once', [8, 24]),
      a('整机体积缩小约{n}%', 'the instrument is about {n}% smaller', [30, 60]),
    ],
  },
  核酸检测试剂盒: {
    where: p('医院检验科与发热门诊', 'hospital laboratories and fever clinics'),
    adv: [
      a('灵敏度{n}%，特异性优于95%', 'sensitivity is {n}% with specificity above 95%', [92, 99]),
      a('试剂可常温运输与储存', 'the reagents can be shipped and stored at room temperature'),
    ],
  },
  化学发光免疫分析仪: {
    where: p('医院检验科与急诊科', 'hospital laboratories and emergency departments'),
    adv: [
      a('首个结果仅需{n}分钟', 'the first result comes in only {n} minutes', [10, 20]),
      a('批内变异系数小于{n}%', 'the within-run coefficient of variation is below {n}%', [3, 8]),
    ],
  },
  甲基化标志物组合: {
    where: p('体检中心与肿瘤专科医院', 'health-check centres and cancer hospitals'),
    adv: [
      a('对早期癌症的检出敏感度达到{n}%', 'sensitivity for early-stage cancer reaches {n}%', [80, 95]),
      a('无创取样，可居家采样后寄送', 'sampling is non-invasive and can be done at home and mailed in'),
    ],
  },
  即时检测读数仪: {
    where: p('基层医疗机构与居家场景', 'primary-care facilities and patients’ homes'),
    adv: [
      a('读数仅需{n}秒', 'a reading takes only {n} seconds', [3, 15]),
      a('兼容{n}种以上检测项目', 'it supports more than {n} test types', [20, 60]),
    ],
  },

  // cardiovascular
  经导管主动脉瓣膜系统: {
    where: p('心脏中心导管室', 'cardiac catheterisation laboratories'),
    adv: [
      a('输送系统外径仅{n}F', 'the delivery system is only {n} F in outer diameter', [14, 18]),
      a('释放过程可控，定位更精准', 'deployment is controlled for more accurate positioning'),
    ],
  },
  冠脉支架: {
    where: p('心脏中心导管室', 'cardiac catheterisation laboratories'),
    adv: [
      a('支撑杆厚度仅{n}微米', 'the struts are only {n} µm thick', [60, 100]),
      a('径向支撑力较同类产品提高约{n}%', 'radial strength is about {n}% higher than in comparable products', [10, 40]),
    ],
  },
  左心耳封堵器: {
    where: p('心脏中心导管室', 'cardiac catheterisation laboratories'),
    adv: [
      a('可适配{n}种左心耳形态', 'it fits {n} left atrial appendage shapes', [3, 6]),
      a('金属用量较同类产品减少约{n}%', 'it uses about {n}% less metal than comparable products', [30, 60]),
    ],
  },
  心室辅助装置: {
    where: p('心脏外科与重症监护病房', 'cardiac surgery departments and intensive care units'),
    adv: [
      a('泵体重量仅{n}克', 'the pump weighs only {n} g', [90, 200]),
      a('台架测试中溶血指数降低约{n}%', 'the haemolysis index in bench tests is about {n}% lower', [30, 60]),
    ],
  },
  药物涂层球囊导管: {
    where: p('心脏与血管外科导管室', 'cardiac and vascular catheterisation laboratories'),
    adv: [
      a('药物向血管壁的转移效率提高约{n}%', 'drug transfer to the vessel wall is about {n}% more efficient', [30, 80]),
      a('输送过程中的药物损失低于{n}%', 'less than {n}% of the drug is lost during delivery', [5, 20]),
    ],
  },
  无创连续血压监测装置: {
    where: p('居家与围术期监测', 'home and perioperative monitoring'),
    adv: [
      a(
        '与有创动脉血压的平均误差小于{n}毫米汞柱',
        'the mean error against invasive arterial pressure is below {n} mmHg',
        [3, 5],
      ),
      a('可连续佩戴{n}小时', 'it can be worn continuously for {n} hours', [24, 72]),
    ],
  },
  血管内冲击波导管: {
    where: p('心脏与血管外科导管室', 'cardiac and vascular catheterisation laboratories'),
    adv: [
      a('单根导管可发放{n}次脉冲', 'one catheter delivers {n} pulses', [80, 300]),
      a(
        '低压扩张即可完成钙化修饰，血管损伤小',
        'calcium is modified at low balloon pressure with little vessel injury',
      ),
    ],
  },

  // biomaterials
  可注射水凝胶: {
    where: p('心外科与骨科', 'cardiac surgery and orthopaedic departments'),
    adv: [
      a('成胶时间可控制在{n}秒以内', 'it gels within {n} seconds', [10, 60]),
      a('降解周期可在{n}至24周之间调控', 'degradation time can be tuned from {n} to 24 weeks', [2, 8]),
    ],
  },
  可吸收骨修复材料: {
    where: p('骨科与脊柱外科', 'orthopaedic and spine surgery departments'),
    adv: [
      a('孔隙率达到{n}%，利于骨长入', 'porosity reaches {n}%, encouraging bone ingrowth', [60, 85]),
      a('抗压强度达到{n}兆帕', 'compressive strength reaches {n} MPa', [5, 60]),
    ],
  },
  医用敷料: {
    where: p('创面修复中心与烧伤科', 'wound-care centres and burn units'),
    adv: [
      a('抑菌率超过{n}%', 'it inhibits more than {n}% of bacteria', [95, 99]),
      a('换药间隔可延长至{n}天', 'dressings need changing only every {n} days', [3, 7]),
    ],
  },
  人工角膜: {
    where: p('眼科', 'ophthalmology departments'),
    adv: [
      a('透光率达到{n}%', 'light transmittance reaches {n}%', [85, 95]),
      a('可缓解供体角膜短缺问题', 'it eases the shortage of donor corneas'),
    ],
  },
  抗凝血涂层: {
    where: p('体外循环与介入器械', 'extracorporeal-circulation and interventional devices'),
    adv: [
      a('血小板黏附减少约{n}%', 'platelet adhesion is reduced by about {n}%', [60, 90]),
      a('在模拟血流中{n}天内保持稳定', 'it stays stable for {n} days under simulated blood flow', [14, 90]),
    ],
  },
  医用级聚乳酸材料: {
    where: p('可吸收器械生产企业', 'makers of absorbable devices'),
    adv: [
      a('残留单体含量低于{n}%', 'residual monomer is below {n}%', [1, 5], 10),
      a('批间分子量偏差小于{n}%', 'batch-to-batch molecular-weight variation is below {n}%', [3, 8]),
    ],
  },

  // rehabilitation
  下肢外骨骼机器人: {
    where: p('康复医院与社区康复中心', 'rehabilitation hospitals and community rehabilitation centres'),
    adv: [
      a('整机重量仅{n}千克', 'the whole unit weighs only {n} kg', [8, 20]),
      a('单次充电可连续步行{n}小时', 'one charge gives {n} hours of walking', [2, 6]),
    ],
  },
  上肢康复训练机器人: {
    where: p('康复医院与居家场景', 'rehabilitation hospitals and patients’ homes'),
    adv: [
      a('训练强度可达人工训练的{n}倍', 'training intensity reaches {n} times that of manual therapy', [2, 5]),
      a(
        '自动生成量化评估报告，支持远程随访',
        'it produces quantitative assessment reports automatically and supports remote follow-up',
      ),
    ],
  },
  智能假肢: {
    where: p('假肢矫形康复机构', 'prosthetic and orthotic centres'),
    adv: [
      a('动作识别准确率达到{n}%', 'motion-recognition accuracy reaches {n}%', [90, 98]),
      a('响应延迟低于{n}毫秒', 'response latency is below {n} ms', [50, 150]),
    ],
  },
  防跌倒监测系统: {
    where: p('养老机构与居家场景', 'nursing homes and private homes'),
    adv: [
      a('跌倒识别准确率达到{n}%', 'fall-detection accuracy reaches {n}%', [92, 99]),
      a('非接触感知，不采集图像，保护隐私', 'it senses without contact or cameras, protecting privacy'),
    ],
  },
  吞咽障碍电刺激治疗仪: {
    where: p('康复科与神经内科', 'rehabilitation and neurology departments'),
    adv: [
      a(
        '刺激与吞咽动作的同步误差小于{n}毫秒',
        'stimulation is synchronised with swallowing to within {n} ms',
        [20, 80],
      ),
      a('设备小巧，可床旁或居家使用', 'it is small enough for bedside or home use'),
    ],
  },
  智能轮椅: {
    where: p('康复医院与居家场景', 'rehabilitation hospitals and private homes'),
    adv: [
      a('自主避障成功率达到{n}%', 'obstacle avoidance succeeds {n}% of the time', [95, 99]),
      a('单次充电续航{n}公里', 'one charge covers {n} km', [15, 40]),
    ],
  },

  // laser_medicine
  皮秒激光治疗仪: {
    where: p('皮肤科与医疗美容机构', 'dermatology departments and aesthetic clinics'),
    adv: [
      a('脉宽短至{n}皮秒', 'pulses are as short as {n} ps', [300, 750]),
      a('平均治疗次数减少约{n}%', 'about {n}% fewer treatment sessions are needed on average', [30, 50]),
    ],
  },
  眼科飞秒激光手术系统: {
    where: p('眼科中心', 'eye centres'),
    adv: [
      a('切割精度达到{n}微米', 'cutting precision reaches {n} µm', [1, 5]),
      a('单眼激光时间少于{n}秒', 'laser time per eye is under {n} seconds', [20, 60]),
    ],
  },
  光动力治疗系统: {
    where: p('皮肤科与消化内镜中心', 'dermatology departments and endoscopy centres'),
    adv: [
      a('光照均匀度达到{n}%', 'illumination uniformity reaches {n}%', [85, 95]),
      a('实时监测光剂量并自动调节', 'the light dose is monitored in real time and adjusted automatically'),
    ],
  },
  钬激光碎石系统: {
    where: p('泌尿外科', 'urology departments'),
    adv: [
      a('最高功率达{n}瓦', 'power reaches {n} W', [60, 120]),
      a('碎石效率提高约{n}%', 'stones are dusted about {n}% faster', [20, 50]),
    ],
  },
  低能量激光治疗仪: {
    where: p('口腔科与创面修复中心', 'dental departments and wound-care centres'),
    adv: [
      a(
        '治疗头温升低于{n}°C，安全舒适',
        'the applicator warms by less than {n} °C, which is safe and comfortable',
        [1, 3],
      ),
      a('单次治疗仅需{n}分钟', 'a session takes only {n} minutes', [3, 15]),
    ],
  },
  激光消融光纤: {
    where: p('血管外科与超声介入科', 'vascular surgery and interventional ultrasound departments'),
    adv: [
      a('热损伤区域小于{n}微米', 'the thermal damage zone is under {n} µm', [100, 300]),
      a('光纤外径仅{n}毫米', 'the fibre is only {n} mm in diameter', [4, 10], 10),
    ],
  },

  // other
  智能输液泵: {
    where: p('重症监护病房与居家场景', 'intensive care units and patients’ homes'),
    adv: [
      a('流速精度达到±{n}%', 'flow accuracy reaches ±{n}%', [2, 5]),
      a('给药差错减少约{n}%', 'medication errors are reduced by about {n}%', [50, 90]),
    ],
  },
  低温等离子体灭菌器: {
    where: p('消毒供应中心', 'sterile-processing departments'),
    adv: [
      a('灭菌周期缩短约{n}%', 'the sterilisation cycle is about {n}% shorter', [20, 50]),
      a('无有毒残留，灭菌后物品可立即使用', 'it leaves no toxic residue, so items can be used immediately'),
    ],
  },
  医疗器械唯一标识管理平台: {
    where: p('医院设备与耗材管理部门', 'hospital equipment and supplies departments'),
    adv: [
      a('耗材盘点时间缩短约{n}%', 'stocktaking time is cut by about {n}%', [50, 80]),
      a('支持与医院信息系统无缝对接', 'it connects seamlessly with hospital information systems'),
    ],
  },
  负压伤口治疗系统: {
    where: p('创面修复中心与普通病房', 'wound-care centres and general wards'),
    adv: [
      a('负压控制精度达到±{n}毫米汞柱', 'negative pressure is held to ±{n} mmHg', [3, 10]),
      a('整机重量仅{n}克，便于患者活动', 'the unit weighs only {n} g, so patients can move about', [200, 500]),
    ],
  },
  防褥疮气垫床: {
    where: p('普通病房与养老机构', 'general wards and nursing homes'),
    adv: [
      a('骨突部位压力降低约{n}%', 'pressure on bony prominences is about {n}% lower', [30, 60]),
      a('运行噪声低于{n}分贝', 'it runs at under {n} dB', [25, 40]),
    ],
  },
  手术室智能管理系统: {
    where: p('手术室', 'operating rooms'),
    adv: [
      a('手术间周转时间缩短约{n}%', 'theatre turnaround time is cut by about {n}%', [15, 35]),
      a('支持与医院信息系统无缝对接', 'it connects seamlessly with hospital information systems'),
    ],
  },
};

function withDetails(device: DeviceBase): DeviceSpec {
  const details = DEVICE_DETAILS[device.zh];
  if (!details) throw new Error(`seed/phrases.ts: no DEVICE_DETAILS for ${device.zh}`);
  return { ...device, ...details };
}

export const CATEGORY_BANKS = Object.fromEntries(
  Object.entries(BANKS).map(([category, bank]) => [category, { ...bank, devices: bank.devices.map(withDetails) }]),
) as Record<Category, CategoryBank>;
