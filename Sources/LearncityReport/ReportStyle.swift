/// The one stylesheet of the report pages, inlined into each page (no
/// external font, image or script: the page opens from a USB stick).
enum ReportStyle {
    static let css = """
        :root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee5;--accent:#0b6e99;--accent2:#c2410c;--paper:#fff;--wash:#f4f6f8}
        *{box-sizing:border-box}
        body{margin:0;background:var(--wash);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
        main{max-width:1100px;margin:0 auto;padding:24px 16px 48px}
        h1{font-size:2rem;line-height:1.2;margin:.2em 0}
        h2{font-size:1.3rem;margin:1.6em 0 .6em}
        h3{font-size:1.1rem;margin:0}
        a{color:var(--accent);overflow-wrap:anywhere}
        header,section,footer{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
        .kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.8rem}
        .country{color:var(--muted);font-weight:400;font-size:1.2rem}
        .facts,.note{color:var(--muted);margin:.3em 0}
        .chips{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:.4em 0;list-style:none}
        .chips li{background:#e8f1f6;color:#0a4d6b;border-radius:999px;padding:2px 10px;font-size:.85rem;overflow-wrap:anywhere}
        .chips.concepts li{background:#fdf0e7;color:#8a2d07}
        svg.map{width:100%;height:auto;display:block}
        .sphere{fill:#eaf3f8;stroke:#b9ccd8}
        .country{fill:#d8dde3;stroke:#fff;stroke-width:.5}
        .country.partner-country{fill:#9cc9de}
        .country.source-country{fill:#f1b48f}
        .link{fill:none;stroke:var(--accent);stroke-opacity:.75;stroke-linecap:round}
        .marker{stroke:#fff;stroke-width:1.5}
        .marker.source{fill:var(--accent2)}
        .marker.partner{fill:var(--accent)}
        .label{fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;font-family:system-ui,Arial,sans-serif}
        .label.source{font-weight:700}
        .leader{stroke:#7a8794;stroke-width:.8}
        ol.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,320px),1fr));gap:14px}
        .card{border:1px solid var(--line);border-radius:10px;padding:14px;min-width:0;overflow-wrap:anywhere}
        .card .rank{display:inline-block;min-width:1.8em;height:1.8em;line-height:1.8em;text-align:center;border-radius:50%;background:var(--accent);color:#fff;font-weight:700;margin-right:6px}
        .bar{height:8px;background:var(--wash);border-radius:4px;overflow:hidden;margin:4px 0 2px}
        .bar .fill{height:100%;background:var(--accent)}
        .score{font-size:.85rem;color:var(--muted)}
        .weak{background:#fff7e6;border:1px solid #f3d19c;border-radius:8px;padding:8px 12px}
        .pairs{list-style:none;padding:0;margin:.4em 0 0}
        .pairs li{border-top:1px dashed var(--line);padding:6px 0;font-size:.92rem}
        .pairs .arrow{color:var(--muted);padding:0 .3em}
        .label-small{font-size:.8rem;color:var(--muted);margin:.6em 0 .2em}
        .scroll{overflow-x:auto}
        table.matrix{border-collapse:collapse;font-size:.85rem;min-width:100%}
        table.matrix th,table.matrix td{border:1px solid var(--line);padding:4px 6px;text-align:center}
        table.matrix th[scope=row]{text-align:left;white-space:nowrap}
        table.matrix thead th{vertical-align:bottom;max-width:7em;overflow-wrap:anywhere;font-weight:600}
        ul.programmes{padding-left:1.2em}
        ul.programmes li{margin:.3em 0;overflow-wrap:anywhere}
        footer{font-size:.85rem;color:var(--muted)}
        footer code{overflow-wrap:anywhere}
        .legend{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;font-size:.85rem}
        .legend .dot{margin-right:4px;font-size:1.1rem;line-height:1}
        .region-africa{fill:#c2410c;color:#c2410c}
        .region-arab-states{fill:#7c3aed;color:#7c3aed}
        .region-asia-and-the-pacific{fill:#0b6e99;color:#0b6e99}
        .region-europe-and-north-america{fill:#15803d;color:#15803d}
        .region-latin-america-and-the-caribbean{fill:#b45309;color:#b45309}
        .region-unknown{fill:#6b7280;color:#6b7280}
        @media (max-width:600px){main{padding:8px}header,section,footer{padding:12px}h1{font-size:1.5rem}}
        """
}
