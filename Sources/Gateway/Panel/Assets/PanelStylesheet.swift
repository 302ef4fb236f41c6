/// The panel's stylesheet. Mobile first: everything works at 375 px (tables turn into stacked
/// cards, forms wrap), wider screens get columns. No inline styles anywhere (the CSP forbids them).
enum PanelStylesheet {
    static let text = """
        :root{--bg:#f5f6f8;--card:#fff;--ink:#1d2330;--muted:#5c6577;--line:#dde1e8;--accent:#2b59c3;
        --ok:#1f8a4c;--fail:#c23b32;--warn:#b7791f;--off:#6b7280;--radius:8px;
        font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font-size:15px;line-height:1.45}
        a{color:var(--accent)}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;word-break:break-all}
        h1{font-size:1.4rem;margin:.2rem 0 1rem}
        h2{font-size:1.1rem;margin:0 0 .6rem}
        [hidden]{display:none!important}
        .muted{color:var(--muted)}
        ul.plain{list-style:none;padding:0;margin:.4rem 0}
        #gateway-status p,#gateway-status li{overflow-wrap:anywhere}
        .ok{color:var(--ok)}.fail{color:var(--fail)}
        .topbar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;background:#18213a;color:#fff}
        .topbar a{color:#dfe6ff;text-decoration:none}
        .brand{font-weight:700;font-size:1.1rem;color:#fff!important;letter-spacing:.02em}
        .mainnav{display:flex;flex-wrap:wrap;gap:.2rem;order:3;width:100%}
        .mainnav a{padding:.35rem .6rem;border-radius:6px}
        .mainnav a.active,.mainnav a:hover{background:#2d3a62;color:#fff}
        .topbar-tools{display:flex;align-items:center;gap:.6rem;margin-left:auto}
        .langswitch{display:flex;gap:.4rem}
        .lang.current{font-weight:700}
        .topbar .lang.current{color:#fff}
        .logout{margin:0}
        .content{padding:1rem;max-width:1280px;margin:0 auto}
        .panel{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem;margin:0 0 1rem}
        .panel-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;margin-bottom:.6rem}
        .panel-head h2{margin:0}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:.6rem;margin-bottom:1rem}
        .card{display:flex;flex-direction:column;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);
        padding:.7rem .8rem;text-decoration:none;color:var(--ink);border-left:4px solid var(--accent)}
        .card-value{font-size:1.6rem;font-weight:700}
        .card-label{color:var(--muted)}
        .card.status-active{border-left-color:var(--ok)}.card.status-cooling{border-left-color:var(--warn)}
        .card.status-invalid{border-left-color:var(--fail)}.card.status-disabled{border-left-color:var(--off)}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:.6rem}
        .tile{display:flex;flex-direction:column;align-items:flex-start;gap:.15rem;padding:.7rem .8rem;border:1px solid var(--line);
        border-radius:var(--radius);background:#fafbfd;cursor:pointer;font:inherit;color:inherit;text-align:left}
        .tile:hover{border-color:var(--accent)}
        .tile-label{color:var(--muted)}.tile-total{font-size:1.5rem;font-weight:700}
        .tile-split{display:flex;flex-wrap:wrap;gap:.6rem;font-size:.9rem}
        .chips{display:flex;flex-wrap:wrap;gap:.35rem}
        .chip{padding:.25rem .65rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--ink);background:#fff}
        .chip.active{background:var(--accent);border-color:var(--accent);color:#fff}
        .tabs{display:flex;flex-wrap:wrap;gap:.3rem;border-bottom:1px solid var(--line);margin-bottom:.7rem}
        .tab{padding:.35rem .7rem;text-decoration:none;color:var(--muted);border-bottom:2px solid transparent}
        .tab.active{color:var(--ink);border-bottom-color:var(--accent);font-weight:600}
        .tab-count{display:inline-block;min-width:1.4em;padding:0 .3em;border-radius:999px;background:#eef1f6;text-align:center;font-size:.85em}
        .trend{margin:0}
        .trend svg{width:100%;height:220px;display:block}
        .trend .grid{stroke:#e6e9ef;stroke-width:1}
        .trend .axis{fill:#6b7280;font-size:11px}
        .trend .ok{fill:#3aa76d}.trend .fail{fill:#d9534f}.trend .hit{fill:transparent}
        .trend .bar:hover .hit{fill:rgba(43,89,195,.08)}
        figcaption{display:flex;flex-wrap:wrap;gap:1rem;font-size:.9rem;margin-top:.3rem}
        .legend::before{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px;vertical-align:-.05em}
        .legend.ok::before{background:#3aa76d}.legend.fail::before{background:#d9534f}
        .filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.6rem;margin-bottom:.8rem}
        .field{display:flex;flex-direction:column;gap:.2rem;min-width:0;flex:1 1 160px}
        .field.compact{flex:0 1 120px}
        .field span{font-size:.85rem;color:var(--muted)}
        input,select,textarea{font:inherit;padding:.42rem .55rem;border:1px solid #c9cfda;border-radius:6px;background:#fff;color:var(--ink);
        max-width:100%;min-width:0}
        textarea{width:100%;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
        input:focus,select:focus,textarea:focus{outline:2px solid rgba(43,89,195,.35);border-color:var(--accent)}
        .button{display:inline-flex;align-items:center;justify-content:center;gap:.3rem;padding:.42rem .8rem;border:1px solid #c9cfda;
        border-radius:6px;background:#fff;color:var(--ink);font:inherit;cursor:pointer;text-decoration:none;white-space:nowrap}
        .button:hover{border-color:var(--accent)}
        .button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
        .button.danger{color:var(--fail);border-color:#e5b8b4}
        .button.subtle{background:transparent;border-color:transparent}
        .topbar .button.subtle{color:#dfe6ff}
        .button.small{padding:.2rem .5rem;font-size:.85rem}
        .button:disabled{opacity:.5;cursor:default}
        .table-wrap{overflow-x:auto}
        table.list{width:100%;border-collapse:collapse;font-size:.92rem}
        table.list th,table.list td{padding:.45rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        table.list th{color:var(--muted);font-weight:600;background:#fafbfd;white-space:nowrap}
        td.num{text-align:right;white-space:nowrap}
        td.actions{display:flex;flex-wrap:wrap;gap:.25rem}
        td.model{word-break:break-all}
        td.when{white-space:nowrap}
        .select-cell{width:2rem}
        .last-error .message{display:block;color:var(--muted);font-size:.85rem;word-break:break-word}
        .cooldowns{margin:.2rem 0 0;padding-left:1rem;font-size:.85rem;color:var(--warn)}
        .badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.82rem;background:#eef1f6;color:var(--ink)}
        .badge.status-active{background:#e3f4ea;color:var(--ok)}.badge.status-cooling{background:#fbf1dc;color:var(--warn)}
        .badge.status-invalid{background:#fbe5e3;color:var(--fail)}.badge.status-disabled{background:#eceef2;color:var(--off)}
        .batchbar{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem;margin:.5rem 0;padding:.4rem .5rem;background:#f3f5f9;border-radius:6px}
        .all-with-code{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem}
        .pagination{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem;margin-top:.7rem}
        .page{padding:.2rem .55rem;border:1px solid var(--line);border-radius:6px;text-decoration:none;color:var(--ink)}
        .page.current{background:var(--accent);color:#fff;border-color:var(--accent)}
        .page.gap{border:none}
        .count{margin-left:.5rem;color:var(--muted)}
        .empty{padding:.6rem 0}
        .flash{padding:.6rem .8rem;border-radius:6px;margin-bottom:1rem;background:#e3f4ea;color:#14532d;border:1px solid #b7e0c6}
        .flash.error{background:#fbe5e3;color:#7f1d1d;border-color:#f0bdb7}
        .notice{padding:.5rem .7rem;border-radius:6px;background:#eef1f6}
        .notice.error{background:#fbe5e3;color:#7f1d1d}.notice.ok{background:#e3f4ea;color:#14532d}
        .login{min-height:100vh;display:flex;align-items:center;justify-content:center;padding:1rem}
        .login-card{width:100%;max-width:400px;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.4rem}
        .login-head{display:flex;justify-content:space-between;align-items:center;margin-bottom:.6rem}
        .login-head .brand{color:var(--ink)!important}
        .stack{display:flex;flex-direction:column;gap:.8rem}
        .savebar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding:.6rem;
        margin:0 -.2rem 1rem;background:rgba(245,246,248,.96);border-bottom:1px solid var(--line)}
        .savebar-actions{display:flex;gap:.4rem}
        .setting{padding:.7rem 0;border-top:1px solid var(--line)}
        .setting:first-of-type{border-top:none}
        .setting-label{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline;font-weight:600;margin-bottom:.35rem}
        .setting-label code{font-weight:400;color:var(--muted)}
        .setting input[type=text],.setting input[type=password],.setting input[type=number],.setting select{width:100%;max-width:520px}
        .setting.invalid input,.setting.invalid textarea,.setting.invalid select{border-color:var(--fail);background:#fff7f6}
        .field-error{color:var(--fail);margin:.3rem 0 0}
        .inline{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;margin-top:.35rem}
        .inline input{flex:1 1 200px}
        .radios{border:none;padding:0;margin:.4rem 0}
        .radios legend{float:left;margin-right:.6rem;color:var(--muted)}
        .switch{display:inline-flex;align-items:center;gap:.4rem}
        .current{margin:.2rem 0 .4rem}
        .summary{font-weight:600;color:var(--accent);margin:.3rem 0 0}
        .dialog{border:none;border-radius:12px;padding:0;width:min(920px,calc(100vw - 1.2rem));max-height:calc(100vh - 2rem)}
        .dialog::backdrop{background:rgba(15,23,42,.45)}
        .dialog-head{display:flex;justify-content:space-between;align-items:center;gap:.5rem;padding:.7rem 1rem;border-bottom:1px solid var(--line)}
        .dialog-head h2{margin:0}
        .dialog-body{padding:1rem;overflow:auto}
        .dialog pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fb;padding:.6rem;border-radius:6px;max-height:40vh;overflow:auto}
        .dialog td{overflow-wrap:anywhere}
        progress{width:100%;height:1rem}
        .result-group{margin:.6rem 0}
        .result-group h3{font-size:1rem;margin:.3rem 0}
        @media (min-width:860px){
        .mainnav{order:0;width:auto}
        }
        @media (max-width:640px){
        .content{padding:.6rem}
        .panel{padding:.75rem}
        table.stack-on-phone thead{display:none}
        table.stack-on-phone,table.stack-on-phone tbody,table.stack-on-phone tr,table.stack-on-phone td{display:block;width:100%}
        table.stack-on-phone tr{border:1px solid var(--line);border-radius:var(--radius);margin-bottom:.6rem;padding:.3rem .5rem;background:#fff}
        table.stack-on-phone td{border:none;padding:.25rem 0;text-align:left}
        table.stack-on-phone td[data-label]{display:grid;grid-template-columns:6.5rem minmax(0,1fr);gap:.5rem;align-items:start}
        table.stack-on-phone td[data-label]::before{content:attr(data-label);font-size:.8rem;color:var(--muted);padding-top:.1rem}
        table.stack-on-phone td.actions{display:flex;flex-wrap:wrap;gap:.3rem}
        table.stack-on-phone td.actions::before{width:100%}
        table.stack-on-phone td.select-cell{width:auto}
        .trend .axis{font-size:17px}
        td.num{text-align:left}
        .field.compact{flex:1 1 120px}
        .savebar{margin:0 0 1rem}
        }
        """
}
