/*! Zhengzhou Soft Science notice assistant: embeddable chat widget.
 * <script src="https://HOST/widget.js" async data-title="…" data-position="right|left"
 *         data-primary-color="#1a5fb4" data-open="false" data-lang="zh|en"></script>
 * No dependencies. Everything that comes from the user or the server is put in the page as text
 * (textContent / text nodes); this file never assigns HTML strings. */
(() => {
  'use strict';
  if (window.SoftScienceAssistant) return; // included twice: keep the first one

  // document.currentScript is only set while this file runs; async scripts are still covered.
  const me = document.currentScript ||
    [...document.querySelectorAll('script[src]')].reverse().find((s) => /\/widget\.js([?#]|$)/.test(s.src));
  const ds = (me && me.dataset) || {};
  let API = location.origin;
  try { if (me) API = new URL(me.src, location.href).origin; } catch (e) { /* keep the page origin */ }
  const EN = /^en/i.test(ds.lang || navigator.language || '');
  const LEFT = /left/i.test(ds.position || '');
  const AUTO_OPEN = ds.open !== undefined && !/^(false|0|no|off)$/i.test(ds.open);
  const TODAY = /^\d{4}-\d{2}-\d{2}$/.test(ds.today || '') ? ds.today : null;

  const T = EN ? {
    title: 'Soft Science Application Assistant', open: 'Open the application assistant', close: 'Close the assistant',
    chat: 'Ask', check: 'Eligibility check', hello: 'Hello! Ask me about the notice: deadlines, funding, materials, contacts, or whether you can apply.',
    ph: 'Type a question; Enter sends', input: 'Your question', send: 'Send', typing: 'The assistant is typing',
    you: 'You', bot: 'Assistant', quick: 'Suggested questions', sources: 'From the notice', notice: 'Notice',
    expand: 'Show the full passage', collapse: 'Show less',
    rate: 'Was this answer helpful?', up: 'Helpful', down: 'Not helpful', why: 'What was wrong? (optional)',
    sendc: 'Send comment', thanks: 'Thank you for your feedback!', fbErr: 'Sorry, the feedback could not be sent.',
    chips: [['Deadline', 'What is the application deadline?'], ['Funding', 'How much funding does a project get?'],
      ['Contact phone', 'What are the contact phone numbers?'], ['Can I apply?', 'Can I apply?']],
    net: 'The assistant could not be reached. Please check your connection and try again.',
    slow: 'The assistant took too long to answer. Please try again.',
    busy: (s) => `You are asking a little too fast. Please try again in ${s} seconds.`,
    loading: (s) => `The assistant is still starting up. Please try again in ${s} seconds.`,
    server: 'Sorry, the assistant ran into a problem. Please try again in a moment.',
    bad: 'Sorry, that request could not be processed. Please rephrase it and try again.',
    retry: 'Retry', intro: 'Fill in what you know (leave the rest as "Unknown"). Each condition of the notice ' +
      'is checked against it.', run: 'Check', reset: 'Clear', result: 'Result', toForm: 'Open the eligibility form',
    need: 'For a definite answer, please also tell us:', more: 'Still unconfirmed:', rules: 'Rule by rule', note: 'For reference only; the bureau\'s review decides.',
    win: 'Online submission', principle: 'in principle', unk: 'Unknown', yes: 'Yes', no: 'No',
    g: { org: 'Applying unit', lead: 'Project leader', proj: 'Project' },
    v: { eligible: 'Eligible to apply', ineligible: 'Not eligible to apply', unknown: 'Not decided yet: facts missing' },
    s: { ok: 'met', bad: 'not met', na: 'unknown' },
    ws: { open: 'open now', not_yet_open: 'not open yet', closed: 'closed' },
    f: {
      org_type: 'Type of unit', independent_legal_person: 'Independent legal person',
      located_in_zhengzhou: 'Located in Zhengzhou', credit_blacklisted: 'Unit or leader on a credit blacklist',
      org_quota_used: 'Projects the unit already put forward this year',
      recommending_departments: 'Recommending departments the unit applies through', age: 'Leader\'s age (years)',
      title: 'Leader\'s professional title', degree: 'Leader\'s highest degree',
      applications_this_year: 'Other applications by the leader this year',
      overdue_city_project: 'Leader has an overdue, unclosed city S&T project',
      serious_misconduct_in_penalty: 'Serious research misconduct still in its penalty period',
      project_level: 'Project level', classified_content: 'Project has classified content',
      already_city_funded: 'Same project already received city funding',
    },
    o: {
      university: 'University', research_institute: 'Research institute', public_institution: 'Other public institution',
      enterprise: 'Enterprise', social_organization: 'Social organization', individual: 'Individual', other: 'Other',
      major: 'Major project', key: 'Key project', general: 'General project', new_rd_institution: 'New R&D institution', senior: 'Senior', associate_senior: 'Associate senior',
      intermediate: 'Intermediate', junior: 'Junior', none: 'None', doctorate: 'Doctorate', master: 'Master',
      bachelor: 'Bachelor',
    },
    r: {
      org_type: 'Type of unit', independent_legal_person: 'Independent legal person', location: 'In Zhengzhou',
      credit: 'Credit record', misconduct: 'Research integrity', age: 'Leader\'s age',
      major_leader_qualification: 'Major-project leader qualification', one_per_leader: 'One application per leader',
      overdue_project: 'No overdue city project', org_quota: 'Unit quota', classified: 'No classified content',
      duplicate_funding: 'No duplicate funding', single_recommender: 'Single recommending department',
    },
  } : {
    title: '软科学项目申报助手', open: '打开申报咨询助手', close: '关闭助手', chat: '咨询', check: '资格自查',
    hello: '您好！我可以解答申报通知的问题：截止时间、经费、申报材料、联系电话，以及您能否申报。',
    ph: '请输入问题，按 Enter 发送', input: '您的问题', send: '发送', typing: '助手正在输入',
    you: '您', bot: '助手', quick: '常见问题', sources: '通知原文', notice: '通知',
    expand: '展开原文', collapse: '收起原文',
    rate: '这个回答有帮助吗？', up: '有帮助', down: '没有帮助', why: '哪里不对？（选填）', sendc: '提交意见',
    thanks: '感谢您的反馈！', fbErr: '抱歉，反馈未能发送。',
    chips: [['截止时间', '申报截止时间是什么时候？'], ['经费', '项目经费是多少？'], ['联系电话', '咨询联系电话是多少？'],
      ['我能申报吗', '我能申报吗？']],
    net: '暂时无法连接到助手，请检查网络后重试。', slow: '助手响应超时，请稍后重试。',
    busy: (s) => `您提问得有些频繁，请 ${s} 秒后再试。`, loading: (s) => `助手正在启动，请 ${s} 秒后再试。`,
    server: '抱歉，助手暂时出了点问题，请稍后再试。', bad: '抱歉，这个请求无法处理，请换个说法再试。',
    retry: '重试', intro: '填写已知信息（不清楚的选“不清楚”或留空），将逐条对照通知中的申报条件。',
    run: '开始检查', reset: '清空', result: '检查结果', toForm: '填写资格自查表',
    need: '还需要以下信息才能给出确定结论：', more: '其他尚未确认的信息：', rules: '逐条结果', note: '结果仅供参考，以主管部门审核为准。',
    win: '系统填报时间', principle: '原则上', unk: '不清楚', yes: '是', no: '否',
    g: { org: '申报单位', lead: '项目负责人', proj: '项目' },
    v: { eligible: '符合申报条件', ineligible: '不符合申报条件', unknown: '暂无法判断：信息不全' },
    s: { ok: '符合', bad: '不符合', na: '待确认' },
    ws: { open: '正在受理', not_yet_open: '尚未开始', closed: '已截止' },
    f: {
      org_type: '单位类型', independent_legal_person: '具有独立法人资格', located_in_zhengzhou: '单位位于郑州市',
      credit_blacklisted: '单位或负责人在信用“黑名单”内', org_quota_used: '单位本年度已推荐项目数',
      recommending_departments: '单位申报所通过的推荐部门数', age: '负责人年龄（周岁）', title: '负责人职称',
      degree: '负责人最高学历', applications_this_year: '负责人本年度已申报的其他项目数',
      overdue_city_project: '负责人有逾期未结题的市财政支持科技项目',
      serious_misconduct_in_penalty: '有惩戒执行期内的科研严重失信记录', project_level: '项目类别',
      classified_content: '项目含涉密内容', already_city_funded: '同一项目已获市级财政资金支持',
    },
    o: {
      university: '高等院校', research_institute: '科研院所', public_institution: '其他事业单位', enterprise: '企业',
      social_organization: '社会组织', individual: '个人', other: '其他', major: '重大项目', key: '重点项目',
      new_rd_institution: '新型研发机构', general: '一般项目',
      senior: '正高级', associate_senior: '副高级', intermediate: '中级', junior: '初级', none: '无',
      doctorate: '博士', master: '硕士', bachelor: '学士',
    },
    r: {
      org_type: '单位类型', independent_legal_person: '独立法人资格', location: '位于郑州市', credit: '信用记录',
      misconduct: '科研诚信', age: '负责人年龄', major_leader_qualification: '重大项目负责人职称/学历',
      one_per_leader: '每人限报一项', overdue_project: '无逾期未结题项目', org_quota: '单位申报限额',
      classified: '不含涉密内容', duplicate_funding: '不重复申请资金', single_recommender: '单一推荐部门',
    },
  };

  // Profile fields of the contract: [group, name, 0 = yes/no/unknown | [min, max] = number | [enum values]].
  const FIELDS = [
    ['org', 'org_type', ['university', 'research_institute', 'public_institution', 'enterprise',
      'social_organization', 'individual', 'other', 'new_rd_institution']],
    ['org', 'independent_legal_person', 0], ['org', 'located_in_zhengzhou', 0], ['org', 'credit_blacklisted', 0],
    ['org', 'org_quota_used', [0, 1000]], ['org', 'recommending_departments', [0, 1000]],
    ['lead', 'age', [0, 150]], ['lead', 'title', ['senior', 'associate_senior', 'intermediate', 'junior', 'none']],
    ['lead', 'degree', ['doctorate', 'master', 'bachelor', 'other']], ['lead', 'applications_this_year', [0, 1000]],
    ['lead', 'overdue_city_project', 0], ['lead', 'serious_misconduct_in_penalty', 0],
    ['proj', 'project_level', ['major', 'key', 'general']], ['proj', 'classified_content', 0], ['proj', 'already_city_funded', 0],
  ];

  // Size and colour in px and !important on :host: the host page's `* {all: unset !important}` or
  // `html {font-size: 2px}` must not reach inside (inner !important beats outer !important; rem is avoided).
  let STYLE = `:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483647!important;
right:0!important;bottom:0!important;top:auto!important;left:auto!important;width:0!important;height:0!important;
overflow:visible!important;visibility:visible!important;opacity:1!important;transform:none!important;
filter:none!important;direction:ltr!important;unicode-bidi:normal!important;pointer-events:auto!important;
font:14px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",
sans-serif!important;color:#1f2328!important;-webkit-tap-highlight-color:transparent;--ssa-p:#1a5fb4}
*,*::before,*::after{box-sizing:border-box}[hidden]{display:none!important}
button,input,select,textarea{font:inherit;color:inherit;margin:0}button{cursor:pointer;border:0;background:none;padding:0}
:focus-visible{outline:2px solid var(--ssa-p);outline-offset:2px}
.vp{position:fixed;top:0;left:0;right:0;bottom:0;visibility:hidden;pointer-events:none}
.l{position:fixed;bottom:calc(var(--ssa-b,0px) + 20px);right:calc(var(--ssa-r,0px) + 20px);width:56px;height:56px;border-radius:50%;background:var(--ssa-p);color:#fff;
display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.l svg{width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.l .i2,.on .l .i1{display:none}.on .l .i2{display:block}
.p{position:fixed;bottom:calc(var(--ssa-b,0px) + 88px);right:calc(var(--ssa-r,0px) + 20px);width:390px;max-width:calc(100vw - 40px);height:620px;
max-height:calc(100vh - 108px);background:#fff;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.28);
display:flex;flex-direction:column;overflow:hidden}
.left .l,.left .p{right:auto;left:calc(var(--ssa-l,0px) + 20px)}
.hd{background:var(--ssa-p);color:#fff;padding:10px 8px 10px 14px;display:flex;align-items:center;gap:8px}
.hd h2{font-size:15px;font-weight:600;margin:0;flex:1}.hd :focus-visible{outline-color:#fff}
.x{width:32px;height:32px;border-radius:6px;font-size:22px;line-height:1}.x:hover{background:rgba(255,255,255,.15)}
.tb{display:flex;border-bottom:1px solid #e3e6ea}
.tb button{flex:1;padding:8px;color:#57606a;border-bottom:2px solid transparent}
.tb [aria-selected=true]{color:var(--ssa-p);border-bottom-color:var(--ssa-p);font-weight:600}
.v{flex:1;min-height:0;display:flex;flex-direction:column}
.log{position:relative;flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}
.m{max-width:94%;word-break:break-word}.u{align-self:flex-end;background:var(--ssa-p);color:#fff;
padding:7px 12px;border-radius:12px 12px 2px 12px;white-space:pre-wrap}
.b{align-self:flex-start}.bb{background:#f1f3f5;padding:8px 12px;border-radius:12px 12px 12px 2px}
.bb p{margin:0 0 6px}.bb>:last-child{margin-bottom:0}.bb ul,.bb ol{margin:0 0 6px;padding-left:20px}
.bb a{color:var(--ssa-p)}.err{align-self:center;background:#fff4e0;color:#7a4a00;border-radius:8px;padding:6px 10px;
font-size:13px;text-align:center}.err button{text-decoration:underline;margin-left:6px}
.cs{margin-top:6px;display:flex;flex-direction:column;gap:6px}.cap{font-size:12px;color:#6e7781}
.c{border-left:3px solid var(--ssa-p);background:#f8f9fa;border-radius:4px;padding:5px 8px;font-size:13px}
.ct{display:flex;width:100%;text-align:left;gap:6px;color:var(--ssa-p);font-weight:600;align-items:baseline}
.ct span:first-child{flex:1}.ch{transition:transform .15s}.open>.ct .ch{transform:rotate(180deg)}
.c blockquote{margin:3px 0 0;color:#424a53;white-space:pre-wrap;display:-webkit-box;-webkit-line-clamp:2;
-webkit-box-orient:vertical;overflow:hidden}.c.open blockquote{display:block}
.ty{align-self:flex-start;background:#f1f3f5;border-radius:12px;padding:10px 12px;display:flex;gap:4px}
.ty span{width:7px;height:7px;border-radius:50%;background:#8c959f;animation:d 1s infinite ease-in-out}
.ty span:nth-child(2){animation-delay:.15s}.ty span:nth-child(3){animation-delay:.3s}
@keyframes d{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
.qs{display:flex;flex-wrap:wrap;gap:6px;padding:6px 12px 0}
.q{border:1px solid var(--ssa-p);color:var(--ssa-p);border-radius:14px;padding:2px 10px;font-size:13px;background:#fff}
.q:disabled,.sd:disabled{opacity:.5;cursor:default}
.cp{display:flex;gap:8px;padding:8px 12px 12px;align-items:flex-end}
textarea{flex:1;border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;resize:none;height:40px;max-height:120px;
line-height:1.45;background:#fff}
.sd{background:var(--ssa-p);color:#fff;border-radius:8px;height:40px;padding:0 16px;font-weight:600}
.ev{display:block;position:relative;overflow-y:auto;padding:12px}.ev p{margin:0 0 8px}.hint{color:#57606a;font-size:13px}
fieldset{border:0;padding:0;margin:0 0 10px}legend{font-weight:600;color:var(--ssa-p);padding:0;margin-bottom:2px}
label{display:block;font-size:13px;margin:6px 0 2px;color:#424a53}
select,input{width:100%;padding:6px 8px;border:1px solid #d0d7de;border-radius:6px;background:#fff;height:34px}
.fb{display:flex;gap:8px;margin:8px 0 12px}.fb .sd{flex:1}.rs{border:1px solid #d0d7de;border-radius:8px;padding:0 14px}
.el{margin-top:8px}.vd{padding:8px 10px;border-radius:8px;font-weight:600;margin-bottom:6px}
.eligible{background:#e6f4ea;color:#116329}.ineligible{background:#fde7e9;color:#a40e26}
.unknown{background:#fff4e0;color:#7a4a00}.win{font-size:13px;color:#57606a}
.rl{list-style:none;margin:0;padding:0}.ru{display:flex;gap:8px;padding:6px 0;border-bottom:1px solid #eef0f2}
.ru>div{flex:1;min-width:0}.ic{font-weight:700;width:16px;text-align:center}.ok .ic{color:#1a7f37}
.bad .ic{color:#cf222e}.na .ic{color:#8c959f}.ru .c blockquote{display:none}.ru .c.open blockquote{display:block}.ru .ct{font-weight:400;font-size:12px}
.fk{display:flex;align-items:center;gap:4px;margin-top:4px;flex-wrap:wrap;font-size:12px;color:#57606a}
.fk>button{border:1px solid #d0d7de;border-radius:12px;padding:0 8px;line-height:22px}.fk [aria-pressed=true]{background:#e7f0fb;border-color:var(--ssa-p)}
.fk form{display:flex;gap:6px;width:100%}.fk textarea{height:34px;font-size:13px}.fk .sd{height:34px;padding:0 10px}
.tag{font-size:11px;border:1px solid #d0d7de;border-radius:8px;
padding:0 5px;margin-left:6px;color:#57606a;font-weight:400}.ru .c{margin-top:4px}
.dt summary{cursor:pointer;color:var(--ssa-p);margin:4px 0}.fu{margin:0 0 8px;padding-left:18px}.fu button{display:block;text-align:left;color:var(--ssa-p);text-decoration:underline}
.go{margin-top:6px;color:var(--ssa-p);text-decoration:underline}
@media (max-width:480px){.p,.left .p{top:var(--ssa-t,0px);left:var(--ssa-l,0px);right:auto;bottom:auto;
width:var(--ssa-w,100%);height:var(--ssa-h,100%);max-width:none;max-height:none;border-radius:0}.on .l{display:none}textarea,select,input{font-size:16px}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`;
  const col = ds.primaryColor || '';
  // Checked twice so that no value can close the rule and inject CSS of its own.
  if (/^[#\w(),.%\s-]{1,60}$/.test(col) && window.CSS && CSS.supports && CSS.supports('color', col)) {
    STYLE += `:host{--ssa-p:${col}!important}`;
  }

  function h(tag, attrs, kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k, v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of [].concat(kids == null ? [] : kids)) if (c != null) el.append(c); // strings become text nodes
    return el;
  }
  const NS = 'http://www.w3.org/2000/svg';
  function icon(d, cls) {
    const s = document.createElementNS(NS, 'svg');
    s.setAttribute('viewBox', '0 0 24 24'); s.setAttribute('aria-hidden', 'true'); s.setAttribute('class', cls);
    const p = document.createElementNS(NS, 'path'); p.setAttribute('d', d); s.append(p);
    return s;
  }

  // Minimal Markdown (paragraphs, bullets, numbered lists, **bold**, bare http(s) links), built as nodes.
  function inline(s) {
    const out = [];
    String(s).split(/\*\*(.+?)\*\*/).forEach((part, i) => {
      if (i % 2) { out.push(h('strong', {}, part)); return; }
      part.split(/(https?:\/\/[^\s<>"'()（）]+[^\s<>"'()（）.,;:，。；：、）])/).forEach((t, j) => {
        let ok = false;
        try { ok = j % 2 === 1 && /^https?:$/.test(new URL(t).protocol); } catch (e) { /* plain text */ }
        out.push(ok ? h('a', { href: t, target: '_blank', rel: 'noopener noreferrer nofollow' }, t) : t);
      });
    });
    return out;
  }
  function md(text) {
    const frag = document.createDocumentFragment();
    let list = null;
    for (const line of String(text).split(/\r?\n/)) {
      const m = /^\s*(?:[-*•]\s+|(\d{1,2})(?:[.)]\s+|、\s*))(.*)$/.exec(line);
      if (m) {
        const tag = m[1] ? 'OL' : 'UL';
        if (!list || list.tagName !== tag) {
          list = frag.appendChild(h(tag.toLowerCase(), m[1] && m[1] !== '1' ? { start: m[1] } : {}));
        }
        list.append(h('li', {}, inline(m[2])));
      } else {
        list = null;
        const t = line.replace(/^#{1,6}\s+/, '').trim();
        if (t) frag.append(h('p', {}, inline(t)));
      }
    }
    return frag;
  }

  // The session id lets follow-up questions ("and for a major project?") reuse earlier facts.
  let store = null;
  try { store = window.sessionStorage; store.setItem('ssa:t', '1'); store.removeItem('ssa:t'); } catch (e) { store = null; }
  const get = (k) => { try { return store && store.getItem(k); } catch (e) { return null; } };
  const put = (k, v) => { try { if (store) store.setItem(k, v); } catch (e) { /* quota or privacy mode */ } };
  let sid = get('ssa:sid');
  if (!sid || !/^[A-Za-z0-9_.:-]{8,128}$/.test(sid)) {
    const a = new Uint8Array(16);
    crypto.getRandomValues(a);
    sid = 'w' + Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
    put('ssa:sid', sid);
  }
  let hist = [];
  try { hist = JSON.parse(get('ssa:log') || '[]'); if (!Array.isArray(hist)) hist = []; } catch (e) { hist = []; }
  const remember = (x) => { hist = hist.concat([x]).slice(-30); put('ssa:log', JSON.stringify(hist)); };

  let uid = 0;
  const nid = () => 'ssa' + (++uid);

  function retryAfter(r, d) {
    const v = r.headers.get('Retry-After');
    let s = Number(v);
    if (v && isNaN(s)) s = (Date.parse(v) - Date.now()) / 1000;
    if (!(s > 0)) s = Number(d && d.error && d.error.retry_after) || 10;
    return Math.min(3600, Math.max(1, Math.ceil(s)));
  }
  async function call(path, body) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 30000);
    try {
      const r = await fetch(API + path, {
        method: 'POST', mode: 'cors', credentials: 'omit', signal: ctl.signal,
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      let d = null;
      try { d = await r.json(); } catch (e) { /* not JSON */ }
      if (r.ok && d && typeof d === 'object') return { ok: true, d };
      return { ok: false, status: r.status, retry: retryAfter(r, d) };
    } catch (e) {
      return { ok: false, status: 0, timeout: e && e.name === 'AbortError' };
    } finally {
      clearTimeout(timer);
    }
  }
  const errText = (res) => res.status === 429 ? T.busy(res.retry) : res.status === 503 ? T.loading(res.retry)
    : !res.status ? (res.timeout ? T.slow : T.net) : res.status >= 500 ? T.server : T.bad;

  // ---- DOM ----
  const host = document.createElement('soft-science-assistant');
  const root = host.attachShadow({ mode: 'open' });
  try { // a constructed sheet is not blocked by a host page's CSP style-src
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    root.append(h('style', {}, STYLE));
  }
  const title = (ds.title || '').trim().slice(0, 60) || T.title;
  const panelId = nid();
  const launcher = h('button', {
    type: 'button', class: 'l', 'data-assistant': 'launcher', 'aria-label': T.open, 'aria-haspopup': 'dialog',
    'aria-expanded': 'false', 'aria-controls': panelId, title,
  }, [icon('M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.6A8 8 0 1 1 21 12z', 'i1'), icon('M6 6l12 12M18 6L6 18', 'i2')]);

  const greetText = h('div', { class: 'bb' }, T.hello);
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': title, 'data-assistant': 'log' },
    h('div', { class: 'm b', 'data-assistant': 'greeting' }, greetText));
  const input = h('textarea', {
    'data-assistant': 'input', 'aria-label': T.input, placeholder: T.ph, maxlength: 1000, rows: 1, enterkeyhint: 'send',
  });
  const send = h('button', { type: 'submit', class: 'sd', 'data-assistant': 'send', 'aria-label': T.send }, T.send);
  const chips = T.chips.map(([label, q]) => h('button', {
    type: 'button', class: 'q', 'data-assistant': 'chip', click: () => ask(q),
  }, label));
  const composer = h('form', { class: 'cp', 'data-assistant': 'composer' }, [input, send]);
  const chatView = h('div', { class: 'v', role: 'tabpanel', id: nid() },
    [log, h('div', { class: 'qs', role: 'group', 'aria-label': T.quick }, chips), composer]);

  const controls = {};
  const groups = {};
  for (const [g, name, kind] of FIELDS) {
    const id = nid();
    let ctl;
    if (Array.isArray(kind) && typeof kind[0] === 'number') {
      ctl = h('input', { type: 'number', inputmode: 'numeric', min: kind[0], max: kind[1], step: 1, placeholder: T.unk });
    } else {
      const opts = kind === 0 ? [['', T.unk], ['true', T.yes], ['false', T.no]]
        : [['', T.unk]].concat(kind.map((v) => [v, T.o[v] || v]));
      ctl = h('select', {}, opts.map(([v, t]) => h('option', { value: v }, t)));
    }
    ctl.id = id;
    ctl.name = name;
    ctl.setAttribute('data-field', name);
    controls[name] = ctl;
    if (!groups[g]) groups[g] = h('fieldset', {}, h('legend', {}, T.g[g]));
    groups[g].append(h('label', { for: id }, T.f[name]), ctl);
  }
  const result = h('div', { 'aria-live': 'polite', 'data-assistant': 'eligibility-result' });
  const runBtn = h('button', { type: 'submit', class: 'sd', 'data-assistant': 'eligibility-submit' }, T.run);
  const form = h('form', { 'data-assistant': 'eligibility-form', 'aria-label': T.check }, [
    groups.org, groups.lead, groups.proj,
    h('div', { class: 'fb' }, [runBtn, h('button', { type: 'reset', class: 'rs' }, T.reset)]),
  ]);
  const eligView = h('div', { class: 'v ev', role: 'tabpanel', id: nid(), hidden: true },
    [h('p', { class: 'hint' }, T.intro), form, result]);

  const tabs = [[chatView, T.chat], [eligView, T.check]].map(([view, label], i) => h('button', {
    type: 'button', role: 'tab', 'aria-controls': view.id, 'aria-selected': String(!i), tabindex: i ? -1 : 0,
    'data-assistant': i ? 'tab-eligibility' : 'tab-chat', click: () => showTab(i, true),
  }, label));
  const tabBar = h('div', { class: 'tb', role: 'tablist' }, tabs);
  tabBar.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') showTab(tabs[0].getAttribute('aria-selected') === 'true' ? 1 : 0, true);
  });
  const closeBtn = h('button', {
    type: 'button', class: 'x', 'aria-label': T.close, 'data-assistant': 'close', click: () => close(true),
  }, '×');
  const panel = h('section', {
    class: 'p', id: panelId, role: 'dialog', 'aria-label': title, 'data-assistant': 'panel', hidden: true,
  }, [h('div', { class: 'hd' }, [h('h2', {}, title), closeBtn]), tabBar, chatView, eligView]);
  const probe = h('div', { class: 'vp', 'aria-hidden': 'true' });
  const wrap = h('div', { class: LEFT ? 'left' : '' }, [probe, panel, launcher]);
  root.append(wrap);

  // Fixed boxes sit in the layout viewport, but a phone shows the visual viewport: it is smaller when the
  // on-screen keyboard is up or the host page is wider than the screen. Track it so the full-screen panel
  // (and its input) and the launcher stay on screen.
  const vv = window.visualViewport;
  let fitting = 0;
  function fit() {
    fitting = 0;
    const lv = probe.getBoundingClientRect();
    const set = (k, v) => wrap.style.setProperty('--ssa-' + k, Math.max(0, Math.round(v)) + 'px');
    set('t', vv.offsetTop); set('l', vv.offsetLeft); set('w', vv.width); set('h', vv.height);
    set('r', lv.width - vv.offsetLeft - vv.width); set('b', lv.height - vv.offsetTop - vv.height);
  }
  const refit = () => { if (!fitting) fitting = requestAnimationFrame(fit); };
  if (vv) { vv.addEventListener('resize', refit); vv.addEventListener('scroll', refit); }

  // ---- behaviour ----
  function showTab(i, focus) {
    tabs.forEach((t, j) => { t.setAttribute('aria-selected', String(i === j)); t.tabIndex = i === j ? 0 : -1; });
    chatView.hidden = i !== 0;
    eligView.hidden = i !== 1;
    if (focus) (i ? tabs[1] : input).focus();
  }
  function open(focus) {
    panel.hidden = false;
    wrap.classList.add('on');
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', T.close);
    log.scrollTop = log.scrollHeight;
    if (focus) (chatView.hidden ? tabs[1] : input).focus();
  }
  function close(focus) {
    panel.hidden = true;
    wrap.classList.remove('on');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', T.open);
    if (focus) launcher.focus();
  }
  launcher.addEventListener('click', () => (panel.hidden ? open(true) : close(true)));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); close(true); }
    // Host pages' keyboard shortcuts (bubbling listeners on document) must not eat our typing.
    e.stopPropagation();
  });
  launcher.addEventListener('keydown', (e) => e.stopPropagation());

  function cite(c, hook) {
    const id = nid();
    const tog = h('button', {
      type: 'button', class: 'ct', 'data-assistant': 'citation-toggle', 'aria-expanded': 'false', 'aria-controls': id,
      title: T.expand,
    }, [h('span', {}, String(c.section || T.notice)), h('span', { class: 'ch', 'aria-hidden': 'true' }, '▾')]);
    const box = h('div', { class: 'c', 'data-assistant': hook, 'data-citation-id': c.id || '' },
      [tog, h('blockquote', { id, 'data-assistant': 'citation-text' }, String(c.text || ''))]);
    tog.addEventListener('click', () => {
      const on = box.classList.toggle('open');
      tog.setAttribute('aria-expanded', String(on));
      tog.title = on ? T.collapse : T.expand;
    });
    return box;
  }
  function focusField(name) {
    showTab(1, false);
    const ctl = controls[name];
    (ctl || tabs[1]).focus();
  }
  function eligBlock(e, inChat) {
    const verdict = ['eligible', 'ineligible', 'unknown'].includes(e.verdict) ? e.verdict : 'unknown';
    const box = h('div', { class: 'el', 'data-assistant': 'eligibility' },
      h('div', { class: 'vd ' + verdict, 'data-assistant': 'verdict', 'data-verdict': verdict }, T.v[verdict]));
    const w = e.submission_window;
    if (w && w.opens) {
      box.append(h('p', { class: 'win', 'data-assistant': 'window' },
        `${T.win}: ${w.opens} – ${w.closes} (${T.ws[w.status] || w.status})`));
    }
    const fu = Array.isArray(e.follow_up) ? e.follow_up : [];
    const asked = new Set(fu.map((f) => f.field));
    const rest = (Array.isArray(e.missing) ? e.missing : []).filter((m) => !asked.has(m))
      .map((m) => ({ field: m, question: T.f[m] || m }));
    const items = fu.concat(rest);
    const need = [];
    if (items.length) {
      need.push(h('p', { class: 'hint' }, verdict === 'unknown' ? T.need : T.more), h('ul', { class: 'fu', 'data-assistant': 'follow-up' },
        items.map((f) => h('li', {}, h('button', { type: 'button', click: () => focusField(f.field) },
          String(f.question || f.field))))));
    }
    // Undecided: what is missing is what the visitor can act on, so it goes first. Decided: the rules do.
    if (verdict === 'unknown') box.append(...need);
    const rank = { bad: 0, na: 1, ok: 2 };
    const rules = (Array.isArray(e.rules) ? e.rules : []).map((r) => [r, r.passed === true ? 'ok' : r.passed === false ? 'bad' : 'na']);
    rules.sort((a, b) => rank[a[1]] - rank[b[1]]); // failures first: they decide the verdict
    const list = h('ul', { class: 'rl' }, rules.map(([r, st]) => h('li', {
      class: 'ru ' + st, 'data-assistant': 'rule', 'data-rule': r.id, 'data-passed': String(r.passed),
    }, [
      h('span', { class: 'ic', 'aria-hidden': 'true' }, st === 'ok' ? '✓' : st === 'bad' ? '✗' : '?'),
      h('div', {}, [
        h('strong', {}, `${T.r[r.id] || r.id}${EN ? ': ' : '：'}${T.s[st]}`),
        r.strength === 'in_principle' ? h('span', { class: 'tag' }, T.principle) : null,
        r.message ? h('div', {}, String(r.message)) : null,
        r.citation && r.citation.text ? cite(r.citation, 'rule-citation') : null,
      ]),
    ])));
    // In a chat bubble the 13 rules fold away behind their tally; the form shows them outright.
    const n = (k) => rules.filter((x) => x[1] === k).length;
    box.append(inChat ? h('details', { class: 'dt' }, [h('summary', {},
      `${T.rules}  ✗ ${n('bad')} · ? ${n('na')} · ✓ ${n('ok')}`), list]) : list);
    if (verdict !== 'unknown') box.append(...need);
    if (inChat) box.append(h('button', { type: 'button', class: 'go', click: () => focusField('') }, T.toForm));
    box.append(h('p', { class: 'hint' }, T.note));
    return box;
  }
  function botMsg(a) {
    const m = h('div', { class: 'm b', 'data-assistant': 'message', 'data-intent': a.intent || '' },
      h('div', { class: 'bb' }, md(a.answer || '')));
    const cs = Array.isArray(a.citations) ? a.citations : [];
    if (cs.length) {
      m.append(h('div', { class: 'cs', role: 'group', 'aria-label': T.sources },
        [h('div', { class: 'cap' }, T.sources)].concat(cs.map((c) => cite(c, 'citation')))));
    }
    if (a.eligibility && typeof a.eligibility === 'object') m.append(eligBlock(a.eligibility, true));
    if (typeof a.answer_id === 'string' && a.answer_id) m.append(rateRow(a.answer_id));
    return m;
  }
  // Greeting and form options follow the loaded notice (GET /api/info).
  fetch(API + '/api/info', { mode: 'cors', credentials: 'omit' }).then((r) => (r.ok ? r.json() : null)).then((i) => {
    if (!i) return;
    if (i.title) greetText.textContent = T.hello.replace(/the notice|申报通知/, EN ? `"${i.title}"` : `《${i.title}》`);
    for (const [n, k] of [['org_type', i.org_types], ['project_level', i.project_levels]]) {
      if (controls[n] && k) controls[n].replaceChildren(...[['', T.unk]].concat(Object.keys(k).map((v) =>
        [v, EN ? (T.o[v] || v) : (k[v] || T.o[v] || v)])).map(([v, t]) => h('option', { value: v }, t)));
    }
  }).catch(() => {});

  // 👍/👎 under an answer; 👎 then offers an optional comment (a later mark on an answer replaces the earlier).
  function rateRow(id) {
    const say = h('span', { role: 'status', 'data-assistant': 'feedback-status' });
    const row = h('div', { class: 'fk', role: 'group', 'aria-label': T.rate, 'data-assistant': 'feedback' });
    const send = async (rating, comment) => {
      const body = { answer_id: id, rating };
      if (comment) body.comment = comment;
      const res = await call('/api/feedback', body);
      say.textContent = res.ok ? T.thanks : T.fbErr;
      return res.ok;
    };
    const mark = async (btn, rating) => {
      btns.forEach((b) => { b.disabled = true; b.setAttribute('aria-pressed', String(b === btn)); });
      if (!(await send(rating)) || rating !== 'down') return;
      const box = h('textarea', { 'data-assistant': 'feedback-comment', 'aria-label': T.why, placeholder: T.why,
        maxlength: 500, rows: 1 });
      const f = h('form', { 'data-assistant': 'feedback-form' }, [box,
        h('button', { type: 'submit', class: 'sd', 'data-assistant': 'feedback-send' }, T.sendc)]);
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        const c = box.value.trim().slice(0, 500);
        if (c && (await send('down', c))) f.remove();
      });
      row.insertBefore(f, say);
      box.focus();
    };
    const btns = [['up', '👍'], ['down', '👎']].map(([r, icon]) => h('button', {
      type: 'button', 'data-assistant': 'feedback-' + r, 'aria-label': T[r], title: T[r], 'aria-pressed': 'false',
    }, icon));
    btns.forEach((b, i) => b.addEventListener('click', () => mark(b, i ? 'down' : 'up')));
    row.append(...btns, say);
    return row;
  }
  const userMsg = (q) => h('div', { class: 'm u', 'data-assistant': 'user-message' }, q);
  function add(el, top) {
    log.append(el);
    // Long answers are read from their start, so show the top of an answer rather than the bottom.
    log.scrollTop = top ? Math.max(0, el.offsetTop - 8) : log.scrollHeight;
  }
  for (const x of hist) { // restore this tab's conversation after the visitor moves to another page
    if (x && typeof x.u === 'string') log.append(userMsg(x.u));
    else if (x && x.a && typeof x.a === 'object') log.append(botMsg(x.a));
  }

  let busy = false;
  let coolUntil = 0;
  function sync() {
    const off = busy || Date.now() < coolUntil;
    send.disabled = off;
    chips.forEach((c) => { c.disabled = off; });
  }
  function cooldown(res) {
    if (res.status !== 429 && res.status !== 503) return;
    coolUntil = Date.now() + res.retry * 1000;
    sync();
    setTimeout(sync, res.retry * 1000 + 50);
  }
  async function ask(q, again) {
    q = String(q || '').trim().slice(0, 1000);
    if (!q || busy) return;
    if (Date.now() < coolUntil) {
      add(h('div', { class: 'm err', 'data-assistant': 'error' }, T.busy(Math.ceil((coolUntil - Date.now()) / 1000))));
      return;
    }
    if (!again) { add(userMsg(q)); remember({ u: q }); }
    busy = true;
    sync();
    const typing = h('div', { class: 'ty', 'data-assistant': 'typing', role: 'status', 'aria-label': T.typing },
      [h('span'), h('span'), h('span')]);
    add(typing);
    const body = { question: q, session_id: sid };
    if (TODAY) body.today = TODAY;
    const res = await call('/api/ask', body);
    typing.remove();
    busy = false;
    sync();
    if (res.ok) {
      add(botMsg(res.d), true);
      remember({ a: res.d });
      return;
    }
    cooldown(res);
    const err = h('div', { class: 'm err', 'data-assistant': 'error', role: 'alert', 'data-status': res.status },
      errText(res));
    if (res.status !== 429 && res.status < 400) {
      err.append(h('button', {
        type: 'button', 'data-assistant': 'retry', click: () => { err.remove(); ask(q, true); },
      }, T.retry));
    }
    add(err);
  }
  composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q || busy) return;
    if (Date.now() < coolUntil) { ask(q); return; } // says how long to wait; the text stays in the box
    input.value = '';
    grow();
    ask(q);
  });
  const grow = () => { input.style.height = '40px'; input.style.height = Math.min(120, input.scrollHeight + 2) + 'px'; };
  input.addEventListener('input', grow);
  input.addEventListener('keydown', (e) => {
    // Enter while an IME is composing picks a candidate (Chinese input); it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      composer.requestSubmit ? composer.requestSubmit() : composer.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  form.addEventListener('reset', () => { result.textContent = ''; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { language: EN ? 'en' : 'zh' };
    for (const [, name, kind] of FIELDS) {
      const v = controls[name].value;
      if (v === '') continue;
      body[name] = kind === 0 ? v === 'true' : typeof kind[0] === 'number' ? parseInt(v, 10) : v;
    }
    if (TODAY) body.today = TODAY;
    runBtn.disabled = true;
    result.textContent = '';
    result.append(h('div', { class: 'ty', 'data-assistant': 'typing', role: 'status', 'aria-label': T.typing },
      [h('span'), h('span'), h('span')]));
    const res = await call('/api/eligibility', body);
    runBtn.disabled = false;
    result.textContent = '';
    cooldown(res);
    result.append(res.ok ? eligBlock(res.d, false)
      : h('div', { class: 'err', 'data-assistant': 'error', role: 'alert', 'data-status': res.status }, errText(res)));
    eligView.scrollTop = Math.max(0, result.offsetTop - 8); // not scrollIntoView: it may scroll the host page
  });

  // Beside <body>, not in it: a host's body{display:none|transform} then cannot hide or move the widget.
  document.documentElement.append(host);
  if (vv) fit();
  if (AUTO_OPEN) open(false); // opening on load must not steal the host page's focus
  window.SoftScienceAssistant = Object.freeze({
    open: () => open(true), close: () => close(false), ask: (q) => { open(false); showTab(0, false); ask(q); },
  });
})();
