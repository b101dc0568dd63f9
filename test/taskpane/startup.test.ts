/**
 * How the pane decides, before office.js has started, whether it can be in
 * Office at all: by the same places office.js reads its host from.
 */
import { hostInfoPresent } from "../../src/taskpane/startup";

const page = (over: Partial<Parameters<typeof hostInfoPresent>[0]> = {}) => ({ location: { search: "" }, name: "", external: {}, sessionStorage: { getItem: () => null }, ...over });

describe("host information on the page", () => {
  it("finds none on a page opened in a browser tab, so file mode can be drawn at once", () => {
    expect(hostInfoPresent(page())).toBe(false);
    expect(hostInfoPresent(page({ location: { search: "?utm=mail" }, name: "some-frame" }))).toBe(false);
  });

  it("finds each of the ways Office passes it, so the pane waits for Office there", () => {
    expect(hostInfoPresent(page({ location: { search: "?_host_Info=Excel$Win32$16.01$en-GB$$$$0" } }))).toBe(true);
    expect(hostInfoPresent(page({ external: { GetHostInfo: () => "Excel$Win32$16.01$en-GB" } }))).toBe(true);
    expect(hostInfoPresent(page({ agaveHost: {} }))).toBe(true);
    expect(hostInfoPresent(page({ name: JSON.stringify({ hostInfo: "Excel|Web|16.00|en-GB" }) }))).toBe(true);
    expect(hostInfoPresent(page({ sessionStorage: { getItem: (k) => (k === "hostInfoValue" ? "Excel$Mac$16.01" : null) } }))).toBe(true);
  });

  it("waits for Office when the page cannot be asked", () => {
    expect(hostInfoPresent(page({ sessionStorage: { getItem: () => { throw new Error("blocked"); } } }))).toBe(true);
  });
});
