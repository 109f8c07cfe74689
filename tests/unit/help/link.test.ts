import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { HelpContactSchema, type HelpContact } from "@/lib/help/contacts";
import { helpLink, helpMessage, joinLink, TEAMS_CHAT } from "@/lib/help/link";
import { translator } from "@/lib/i18n/messages";

const message = { subject: "Hjälp & stöd?", body: "Rad 1\nRad 2 & <b>%0A #frag" };
const contact = (over: Partial<HelpContact>): HelpContact => ({
  role: "manager",
  name: "Anna Berg",
  channel: "teams",
  address: "anna.berg@region.se",
  ...over,
});

/** What a URL's query says, decoded as a browser would: what reaches the other side. */
const query = (link: string) => Object.fromEntries(new URL(link).searchParams);

describe("the link for each channel", () => {
  it("Teams: Microsoft's chat deep link with the user and the message as a draft", () => {
    const link = helpLink(contact({}), message) as string;
    expect(link.startsWith(`${TEAMS_CHAT}?`)).toBe(true);
    expect(query(link)).toEqual({ users: "anna.berg@region.se", message: message.body });
  });

  it("e-mail: mailto with subject and body, each decoded back to exactly the message", () => {
    const link = helpLink(contact({ channel: "email" }), message) as string;
    const url = new URL(link);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("anna.berg@region.se");
    expect(query(link)).toEqual({ subject: message.subject, body: message.body });
  });

  it("phone: tel with only the + and the digits of the number", () => {
    expect(helpLink(contact({ channel: "tel", address: "+46 (70) 123-45.67" }), message)).toBe(
      "tel:+46701234567",
    );
    expect(helpLink(contact({ channel: "tel", address: "010-123 45 67" }), message)).toBe(
      "tel:0101234567",
    );
  });
});

describe("hostile names, numbers and addresses reach no URL unescaped", () => {
  const hostileAddresses: Array<[HelpContact["channel"], string]> = [
    ["email", "chef@region.se?cc=evil@attacker.example"],
    ["email", "chef@region.se&body=Skicka pengar"],
    ["email", "chef@region.se#x"],
    ["email", "javascript:alert(1)//@region.se"],
    ["email", "chef @region.se"],
    ["email", "chef%40region.se@x.se"],
    ["email", '"chef"@region.se'],
    ["teams", "anna@region.se,evil@attacker.example"],
    ["teams", "anna@region.se&message=Allt är lugnt"],
    ["teams", "anna@region.se\nHost: evil"],
    ["tel", "112;phone-context=evil"],
    ["tel", "070 123 45 67?body=x"],
    ["tel", "javascript:alert(1)"],
    ["tel", "+46 70 123 45 67 #31#"],
    ["tel", "12"],
  ];

  it.each(hostileAddresses)("refuses %s address %j: no link at all", (channel, address) => {
    expect(helpLink(contact({ channel, address }), message)).toBeNull();
    expect(v.safeParse(HelpContactSchema, contact({ channel, address })).success).toBe(false);
  });

  it("never puts the contact's name in a link, whatever it holds", () => {
    const name = 'Anna"><script>alert(1)</script>&users=evil@x.se';
    for (const channel of ["tel", "email", "teams"] as const) {
      const address = channel === "tel" ? "0701234567" : "anna@region.se";
      const link = helpLink(contact({ channel, address, name }), message) as string;
      expect(link).not.toContain("script");
      expect(link).not.toContain("evil");
    }
  });

  it("percent-encodes a message made of hostile kinds and a hostile join link", () => {
    const t = translator("sv");
    const hostile = helpMessage(t, {
      kinds: "Hot&users=evil@attacker.example#\r\n<img src=x>",
      since: "14:03",
      join: "https://meet.jit.si/rum?x=1&message=ok",
    });
    for (const channel of ["email", "teams"] as const) {
      const link = helpLink(contact({ channel }), hostile) as string;
      const url = new URL(link);
      // One user, one message: nothing in the text became a parameter of its own.
      expect([...url.searchParams.keys()].sort()).toEqual(
        channel === "teams" ? ["message", "users"] : ["body", "subject"],
      );
      expect(url.searchParams.get(channel === "teams" ? "message" : "body")).toBe(hostile.body);
      expect(url.hash).toBe("");
      expect(link).not.toMatch(/[\s<>"#]/);
    }
  });
});

describe("the message", () => {
  it("says the kind, since when, and the join link where there is one", () => {
    const t = translator("sv");
    expect(
      helpMessage(t, {
        kinds: "Hotfull ton",
        since: "14:03",
        join: "https://meet.jit.si/CoachRum",
      }),
    ).toEqual({
      subject: "Hjälp behövs i videosamtal – Hotfull ton",
      body: "Jag behöver hjälp i ett pågående videosamtal: Hotfull ton, sedan 14:03. Lyssna gärna in: https://meet.jit.si/CoachRum",
    });
    expect(helpMessage(t, { kinds: "Hotfull ton", since: "14:03", join: null }).body).toBe(
      "Jag behöver hjälp i ett pågående videosamtal: Hotfull ton, sedan 14:03.",
    );
  });
});

describe("the meeting's join link", () => {
  it("is the room's address on Jitsi, Meet and Whereby, without query or fragment", () => {
    expect(joinLink("https://meet.jit.si/CoachRum?jwt=secret#config.x=1", "jitsi")).toBe(
      "https://meet.jit.si/CoachRum",
    );
    expect(joinLink("https://meet.google.com/abc-defg-hij?authuser=1", "google-meet")).toBe(
      "https://meet.google.com/abc-defg-hij",
    );
    expect(joinLink("https://whereby.com/coach-rum", "whereby")).toBe(
      "https://whereby.com/coach-rum",
    );
  });

  it("is none where the address is not a join link, or not https, or has no room", () => {
    expect(joinLink("https://teams.microsoft.com/v2/", "teams")).toBeNull();
    expect(joinLink("https://app.zoom.us/wc/123/join", "zoom")).toBeNull();
    expect(joinLink("http://meet.jit.si/CoachRum", "jitsi")).toBeNull();
    expect(joinLink("https://user:pw@meet.jit.si/CoachRum", "jitsi")).toBeNull();
    expect(joinLink("https://meet.jit.si/", "jitsi")).toBeNull();
    expect(joinLink(undefined, "jitsi")).toBeNull();
    expect(joinLink("not a url", "jitsi")).toBeNull();
  });
});
