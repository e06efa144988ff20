/**
 * Organisation Projects boards (ProjectV2) in the fake: fields with options, items for issues and
 * their field values, and the writes GitHub's mutations make. Kept beside FakeState (one registry
 * per state), so the fake's core records stay untouched.
 */
import type { FakeIssue, FakeRepo } from "../model.js";
import { nodeId } from "../model.js";
import type { FakeState } from "../state.js";
import { GitHubQueryError } from "./query-error.js";

export type ProjectFieldType = "TITLE" | "ASSIGNEES" | "LABELS" | "REPOSITORY" | "SINGLE_SELECT" | "TEXT" | "DATE" | "NUMBER";

export interface FakeProjectOption {
  id: string;
  name: string;
  color: string;
  description: string;
}

export interface FakeProjectField {
  id: string;
  name: string;
  dataType: ProjectFieldType;
  options: FakeProjectOption[];
  created_at: string;
}

export type FakeFieldValue = { optionId: string } | { text: string } | { date: string } | { number: number };

export interface FakeProjectItem {
  id: string;
  repo: FakeRepo;
  issue: FakeIssue;
  values: Map<string, FakeFieldValue>;
  created_at: string;
  updated_at: string;
}

export interface FakeProject {
  id: string;
  number: number;
  title: string;
  org: string;
  /** "none": every request answers FORBIDDEN (no Organization projects permission); "read": writes do. */
  access: "write" | "read" | "none";
  fields: FakeProjectField[];
  items: FakeProjectItem[];
  created_at: string;
}

export interface ProjectSeed {
  title?: string;
  access?: FakeProject["access"];
  /** Extra fields besides GitHub's own (Title, Assignees, Status, Labels, Repository). */
  fields?: { name: string; dataType: ProjectFieldType; options?: string[] }[];
}

export class FakeProjects {
  readonly byId = new Map<string, FakeProject>();
  private readonly byOrg = new Map<string, FakeProject[]>();

  constructor(private readonly state: FakeState) {}

  add(org: string, number: number, seed: ProjectSeed = {}): FakeProject {
    this.state.user(org, "Organization");
    const project: FakeProject = {
      id: nodeId("PVT", this.state.nextId()),
      number,
      title: seed.title ?? `Project ${number}`,
      org,
      access: seed.access ?? "write",
      fields: [],
      items: [],
      created_at: this.state.nowIso(),
    };
    for (const [name, dataType] of [["Title", "TITLE"], ["Assignees", "ASSIGNEES"], ["Status", "SINGLE_SELECT"], ["Labels", "LABELS"], ["Repository", "REPOSITORY"]] as const) {
      this.addField(project, name, dataType, name === "Status" ? ["Todo", "In Progress", "Done"] : []);
    }
    for (const field of seed.fields ?? []) this.addField(project, field.name, field.dataType, field.options ?? []);
    this.byId.set(project.id, project);
    const list = this.byOrg.get(org.toLowerCase()) ?? [];
    list.push(project);
    this.byOrg.set(org.toLowerCase(), list);
    return project;
  }

  find(org: string, number: number): FakeProject | undefined {
    return this.byOrg.get(org.toLowerCase())?.find((p) => p.number === number);
  }

  hasOrg(org: string): boolean {
    return this.byOrg.has(org.toLowerCase()) || this.state.users.get(org.toLowerCase())?.type === "Organization";
  }

  itemsOf(issue: FakeIssue): FakeProjectItem[] {
    return [...this.byId.values()].flatMap((p) => p.items.filter((item) => item.issue === issue));
  }

  projectOfItem(item: FakeProjectItem): FakeProject {
    return [...this.byId.values()].find((p) => p.items.includes(item))!;
  }

  optionId(): string {
    return this.state.nextId().toString(16).padStart(8, "0");
  }

  addField(project: FakeProject, name: string, dataType: ProjectFieldType, options: (string | Omit<FakeProjectOption, "id">)[]): FakeProjectField {
    if (project.fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
      throw new GitHubQueryError("UNPROCESSABLE", "Name has already been taken");
    }
    if (dataType === "SINGLE_SELECT" && options.length === 0) {
      throw new GitHubQueryError("UNPROCESSABLE", "At least one single select option must be provided");
    }
    const id = this.state.nextId();
    const field: FakeProjectField = {
      id: nodeId(dataType === "SINGLE_SELECT" ? "PVTSSF" : "PVTF", id),
      name,
      dataType,
      options: options.map((o) => ({ id: this.optionId(), ...(typeof o === "string" ? { name: o, color: "GRAY", description: "" } : o) })),
      created_at: this.state.nowIso(),
    };
    project.fields.push(field);
    return field;
  }

  /** GitHub writes the whole list: every option gets a new id and cards showing a removed id go empty. */
  setOptions(field: FakeProjectField, options: Omit<FakeProjectOption, "id">[]): void {
    field.options = options.map((o) => ({ id: this.optionId(), ...o }));
    const ids = new Set(field.options.map((o) => o.id));
    for (const project of this.byId.values()) {
      for (const item of project.items) {
        const value = item.values.get(field.id);
        if (value && "optionId" in value && !ids.has(value.optionId)) item.values.delete(field.id);
      }
    }
  }

  fieldById(id: string): { project: FakeProject; field: FakeProjectField } | undefined {
    for (const project of this.byId.values()) {
      const field = project.fields.find((f) => f.id === id);
      if (field) return { project, field };
    }
    return undefined;
  }

  /** The issue's card, added when missing: GitHub's addProjectV2ItemById is idempotent. */
  addItem(project: FakeProject, contentId: string): FakeProjectItem {
    for (const repo of this.state.repos.values()) {
      const issue = repo.issues.find((i) => i.node_id === contentId);
      if (!issue) continue;
      const existing = project.items.find((item) => item.issue === issue);
      if (existing) return existing;
      const item: FakeProjectItem = { id: nodeId("PVTI", this.state.nextId()), repo, issue, values: new Map(), created_at: this.state.nowIso(), updated_at: this.state.nowIso() };
      project.items.push(item);
      return item;
    }
    throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${contentId}'`);
  }

  setValue(project: FakeProject, itemId: string, fieldId: string, value: Record<string, unknown> | null): FakeProjectItem {
    const item = project.items.find((i) => i.id === itemId);
    if (!item) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to ProjectV2Item with the id of '${itemId}'.`);
    const field = project.fields.find((f) => f.id === fieldId);
    if (!field) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${fieldId}'`);
    if (value === null) item.values.delete(field.id);
    else item.values.set(field.id, checkedValue(field, value));
    item.updated_at = this.state.nowIso();
    return item;
  }
}

function checkedValue(field: FakeProjectField, value: Record<string, unknown>): FakeFieldValue {
  const given = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  const [key, v] = given.length === 1 ? given[0]! : [undefined, undefined];
  const invalid = () => new GitHubQueryError("UNPROCESSABLE", `Did not receive a ${field.dataType.toLowerCase()} value to update field ${field.name}.`);
  switch (field.dataType) {
    case "SINGLE_SELECT":
      if (key !== "singleSelectOptionId") throw invalid();
      if (!field.options.some((o) => o.id === v)) throw new GitHubQueryError("UNPROCESSABLE", `The single select option Id does not belong to the field`);
      return { optionId: v as string };
    case "TEXT":
      if (key !== "text") throw invalid();
      return { text: v as string };
    case "DATE":
      if (key !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(v as string)) throw invalid();
      return { date: v as string };
    case "NUMBER":
      if (key !== "number") throw invalid();
      return { number: v as number };
    default:
      throw new GitHubQueryError("UNPROCESSABLE", `The field ${field.name} cannot be updated with this mutation.`);
  }
}

const registry = new WeakMap<FakeState, FakeProjects>();

/** The boards of a fake GitHub; seed with `projectsOf(fake.state).add("duet", 1)`. */
export function projectsOf(state: FakeState): FakeProjects {
  let projects = registry.get(state);
  if (!projects) {
    projects = new FakeProjects(state);
    registry.set(state, projects);
  }
  return projects;
}
