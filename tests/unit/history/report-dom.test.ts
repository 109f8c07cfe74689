import { describe, expect, it } from "vitest";
import { reportContent } from "@/lib/history/report-dom";

const put = (html: string) => {
  const { css, body } = reportContent(html, document);
  const box = document.createElement("div");
  box.append(body);
  return { css, box };
};

describe("the report put into the report page", () => {
  it("keeps the report's markup, its style and its screenshots from the page", () => {
    const { css, box } = put(`<!doctype html><html><head><style>h2 { color: red }</style></head>
      <body><header><h1>Incidentrapport</h1></header><main><section id="integrity">
      <h2>Kontroll</h2><figure><img src="blob:chrome-extension://abc/1" alt="01"></figure>
      <ul><li class="check"><time>14:00</time> &lt;script&gt;x&lt;/script&gt;</li></ul>
      </section></main></body></html>`);
    expect(css).toBe("h2 { color: red }");
    expect(box.querySelector("main section#integrity h2")?.textContent).toBe("Kontroll");
    expect(box.querySelector("img")?.getAttribute("src")).toBe("blob:chrome-extension://abc/1");
    expect(box.querySelector("li.check")?.textContent).toBe("14:00 <script>x</script>");
    expect(box.querySelector("script")).toBeNull();
  });

  it("carries over no script, handler, frame, link or foreign image, even if the HTML had one", () => {
    const { box } = put(`<body><main>
      <script>alert(1)</script><p onclick="alert(1)" style="x">hej</p>
      <iframe src="https://evil.example"></iframe><a href="https://evil.example">länk</a>
      <img src="https://evil.example/x.png" onerror="alert(1)"><svg onload="alert(1)"></svg>
      <link rel="stylesheet" href="https://evil.example/x.css"></main></body>`);
    expect(box.querySelectorAll("script, iframe, a, svg, link").length).toBe(0);
    for (const el of box.querySelectorAll("*")) {
      expect(
        [...el.attributes].map((a) => a.name).filter((n) => !["id", "class", "alt"].includes(n)),
      ).toEqual([]);
    }
    expect(box.querySelector("p")?.textContent).toBe("hej");
  });
});
