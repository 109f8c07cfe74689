import { render } from "preact";

render(<main>Tresteg</main>, document.getElementById("app") as HTMLElement);
