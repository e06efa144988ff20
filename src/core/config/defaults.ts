/**
 * The DUET maintenance and support plan (seed D5.3) as data: the built-in defaults.
 * Every value here can be overridden per repository in `.github/duet-support.yml`.
 */
import type { ConfigInput } from "./schema.js";

const weekdays = [1, 2, 3, 4, 5];

function partner(name: string, team: string, timeZone: string, country: string) {
  return { name, team, timeZone, holidays: { country, extraDates: [], closures: [] } };
}

export const DEFAULT_CONFIG = {
  desk: "ATC",
  notifyOnResolution: ["ATC", "DV"],
  supportTeams: [],
  workingHours: { days: weekdays, start: "09:00", end: "17:00", hoursPerDay: 8 },
  partners: {
    ATC: partner("Athens Technology Center", "duet-atc", "Europe/Athens", "GR"),
    IMEC: partner("imec", "duet-imec", "Europe/Brussels", "BE"),
    VCS: partner("Virtual City Systems", "duet-vcs", "Europe/Berlin", "DE"),
    P4ALL: partner("Plan4All", "duet-p4all", "Europe/Prague", "CZ"),
    KUL: partner("KU Leuven", "duet-kul", "Europe/Brussels", "BE"),
    TNO: partner("TNO", "duet-tno", "Europe/Amsterdam", "NL"),
    DV: partner("Digitaal Vlaanderen (VITO)", "duet-dv", "Europe/Brussels", "BE"),
  },
  components: {
    "message-broker": { name: "Message Broker", owners: ["ATC"] },
    "subscription-api-service": { name: "Subscription API Service", owners: ["ATC"] },
    "management-component": { name: "Management component (users, cases, scenarios)", owners: ["ATC"] },
    "api-gateway": { name: "API Gateway", owners: ["ATC"] },
    "message-streaming-platform-kafka": { name: "Message Streaming Platform (Kafka)", owners: ["ATC"] },
    "athens-dashboard": { name: "Athens Dashboard", owners: ["ATC"] },
    "landing-pages": { name: "Landing pages (citytwin.eu)", owners: ["ATC"] },
    "data-catalogue": { name: "Data Catalogue", owners: ["ATC", "IMEC"] },
    "model-catalogue": { name: "Model Catalogue", owners: ["ATC", "IMEC"] },
    "data-iot-connectors": { name: "Data/IoT Connectors (federated API, awvrt, etc)", owners: ["IMEC"] },
    "interaction-api-service": { name: "Interaction API Service", owners: ["IMEC"] },
    cesiumjs: { name: "CesiumJS", owners: ["VCS"] },
    "vc-map-api": { name: "VC Map API", owners: ["VCS"] },
    openlayers: { name: "OpenLayers JS", owners: ["VCS"] },
    "vc-map-viewing-plugin": { name: "Viewing component as a plugin for VC Map", owners: ["VCS"] },
    "traffic-modeller-athens-pilsen": { name: "Traffic Modeller (Athens, Pilsen)", owners: ["P4ALL"] },
    "noise-modeller-pilsen": { name: "Noise Modeller (Pilsen)", owners: ["P4ALL"] },
    glayer: { name: "GLayer (with InnoConnect)", owners: ["P4ALL"] },
    "traffic-modeller-flanders": { name: "Traffic Modeller (Flanders)", owners: ["KUL"] },
    "noise-modeller-athens-flanders": { name: "Noise Modeller (Athens, Flanders)", owners: ["TNO"] },
    "air-quality-pm-athens-flanders-pilsen": {
      name: "PM air-quality model (Athens, Flanders, Pilsen)",
      owners: ["TNO"],
    },
    "air-quality-no2-flanders": { name: "VITO NO2 air-quality model (Flanders)", owners: ["DV"] },
  },
  impacts: {
    low: {
      tier: "L1",
      description: "The platform is running and no critical functionality is down, but a user has found an issue.",
    },
    medium: { tier: "L1", description: "The platform is running and a critical functionality is down." },
    high: { tier: "L3", description: "The platform is down and a critical functionality is down." },
  },
  tiers: {
    L1: { name: "Tier I", team: "desk", targetHours: 3 },
    L2: { name: "Tier II", team: "desk", targetHours: 3 },
    L3: { name: "Tier III", team: "owners", targetHours: 16 },
  },
  sla: { warnAtRatio: 0.75 },
  budgets: {
    L1: { days: 10, incidents: 36, hoursPerIncident: 2 },
    L2: { days: 8, incidents: 12, hoursPerIncident: 4 },
    L3: { days: { ATC: 6, IMEC: 10, VCS: 4, P4ALL: 4, KUL: 3, TNO: 6 }, incidents: 4 },
  },
  scope: {
    excludedRequestTypes: ["feature request", "infrastructure change"],
    policy:
      "The technical support excludes infrastructural updates and implementation of new functionalities " +
      "(DUET maintenance and support plan, section 3).",
  },
  supportWindow: {},
  reportYearStart: "01-01",
  faq: { path: "docs/faq.md", maxSuggestions: 3 },
} satisfies ConfigInput;
