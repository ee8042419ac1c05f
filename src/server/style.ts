/**
 * The page's CSS. Phone first: below 640 px the province table folds into one card per province
 * and a target's four figures sit in a 2 × 2 grid; no text is smaller than 12 CSS px.
 */
export const STYLE = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9;font-size:16px;line-height:1.4}
header{background:#0b4f8a;color:#fff;padding:14px 16px}header h1{margin:0;font-size:1.3rem}header p{margin:4px 0 0}header a{color:#cfe3ff}
.picker{margin-top:8px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}.picker select,.picker button{font-size:1rem;padding:4px 8px;border-radius:6px;border:1px solid #9ab}
main{max-width:1200px;margin:0 auto;padding:12px}section,nav.earlier{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}
h2{font-size:1.1rem;margin:4px 0 10px}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:6px 8px;border-bottom:1px solid #e3e6ea;text-align:right}td{white-space:nowrap}th{background:#eef2f6;vertical-align:bottom;font-weight:600}
td.l,th.l{text-align:left}td.name{white-space:normal}tr.nation td{font-weight:700;border-top:2px solid #0b4f8a}.up{color:#137333}.down{color:#b3261e}
svg.spark{vertical-align:middle}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:12px}
.card{border:1px solid #e3e6ea;border-radius:8px;padding:10px;min-width:0}.card h3{font-size:1.1rem;margin:0 0 2px}
.meta{color:#5f6b7a;font-size:.875rem;margin:4px 0}
.figures{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px;margin:8px 0}.figures div{background:#f3f5f8;border-radius:6px;padding:6px 8px}
.figures dt{font-size:.8rem;color:#5f6b7a}.figures dd{margin:0;font-size:1.15rem}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:.8rem;font-weight:600;color:#fff}
.on_track{background:#137333}.behind{background:#b06000}.critical{background:#b3261e}.not_started,.no_data{background:#5f6b7a}
.chart-box{max-width:480px}svg.chart{display:block;width:100%;height:auto}
.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.8rem;color:#3c4650}
.k{display:inline-block;width:18px;height:0;margin-right:5px;vertical-align:middle;border-top:3px solid #0b4f8a}.k.expected{border-top:2px dashed #8a5a00}
.k.projection{border-top:2px dotted #6a3d9a}.k.milestone{width:10px;height:10px;border:2px solid #8a5a00;transform:rotate(45deg)}.k.dot{width:10px;height:10px;border:0;border-radius:50%}
ul.files{padding-left:18px;margin:6px 0}ul.files li{margin:6px 0}.desc{font-size:.875rem}details.technical summary{cursor:pointer;font-weight:600;margin-top:8px}
nav.earlier ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px;margin:0}
#runs{overflow-x:auto}#runs th,#runs td{text-align:left}#runs td:last-child{white-space:normal;min-width:12em}
@media (max-width:640px){
main{padding:8px}section,nav.earlier{padding:12px 10px}header h1{font-size:1.1rem}
.figures{grid-template-columns:repeat(2,minmax(0,1fr))}
#provinces thead{display:none}#provinces,#provinces tbody{display:block}
#provinces tr{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:2px 12px;border:1px solid #e3e6ea;border-radius:8px;margin:8px 0;padding:8px 10px}
#provinces td{display:block;border:0;padding:2px 0;text-align:left;white-space:normal}
#provinces td::before{content:attr(data-label);display:block;font-size:.75rem;color:#5f6b7a;font-weight:400}
#provinces td.code,#provinces td.name{grid-column:1/-1}#provinces td.code::before,#provinces td.name::before{display:none}
#provinces td.code{font-size:.8rem;color:#5f6b7a}#provinces td.name{font-size:1.05rem;font-weight:700}
#provinces tr.nation{border:2px solid #0b4f8a}#provinces tr.nation td{border-top:0}
}
`;
