/**
 * ProjectV2 in GraphQL: organization(login).projectV2(number) { fields items }, Issue.projectItems,
 * and the mutations the board mirror sends (add item, set and clear a field value, create a field,
 * rewrite a single select's options). Access is checked per board (FORBIDDEN as GitHub answers it).
 */
import type { GraphQLContext, RootFieldProvider } from "./context.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { GitHubQueryError } from "./query-error.js";
import { actorNode } from "./resolvers-actors.js";
import { issueNode } from "./resolvers-issues.js";
import {
  type FakeProject,
  type FakeProjectField,
  type FakeProjectItem,
  type ProjectFieldType,
  projectsOf,
} from "./project-v2-state.js";
import type { FakeIssue } from "../model.js";

const FORBIDDEN = () => new GitHubQueryError("FORBIDDEN", "Resource not accessible by integration");

function readable(project: FakeProject): FakeProject {
  if (project.access === "none") throw FORBIDDEN();
  return project;
}

function writable(context: GraphQLContext, projectId: string): FakeProject {
  const project = projectsOf(context.state).byId.get(projectId);
  if (!project) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${projectId}'`);
  if (project.access !== "write") throw FORBIDDEN();
  return project;
}

function fieldNode(context: GraphQLContext, project: FakeProject, field: FakeProjectField) {
  const isSelect = field.dataType === "SINGLE_SELECT";
  return {
    __typename: isSelect ? "ProjectV2SingleSelectField" : "ProjectV2Field",
    id: field.id,
    name: field.name,
    dataType: field.dataType,
    createdAt: field.created_at,
    updatedAt: field.created_at,
    databaseId: null,
    project: () => projectNode(context, project),
    ...(isSelect && {
      options: ({ names }: { names?: string[] | null }) =>
        field.options
          .filter((o) => !names || names.includes(o.name))
          .map((o) => ({ ...o, nameHTML: o.name, descriptionHTML: o.description })),
    }),
  };
}

function valueNodes(context: GraphQLContext, project: FakeProject, item: FakeProjectItem) {
  const title = project.fields.find((f) => f.dataType === "TITLE")!;
  const common = (field: FakeProjectField) => ({
    id: `PVTFV_${item.id}_${field.id}`,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    databaseId: null,
    creator: null,
    field: fieldNode(context, project, field),
    item: () => itemNode(context, project, item),
  });
  const values: unknown[] = [{ __typename: "ProjectV2ItemFieldTextValue", ...common(title), text: item.issue.title }];
  for (const field of project.fields) {
    const value = item.values.get(field.id);
    if (!value) continue;
    if ("optionId" in value) {
      const option = field.options.find((o) => o.id === value.optionId)!;
      values.push({ __typename: "ProjectV2ItemFieldSingleSelectValue", ...common(field), optionId: option.id, name: option.name, nameHTML: option.name, color: option.color, description: option.description, descriptionHTML: option.description });
    } else if ("text" in value) values.push({ __typename: "ProjectV2ItemFieldTextValue", ...common(field), text: value.text });
    else if ("date" in value) values.push({ __typename: "ProjectV2ItemFieldDateValue", ...common(field), date: value.date });
    else values.push({ __typename: "ProjectV2ItemFieldNumberValue", ...common(field), number: value.number });
  }
  return values;
}

function itemNode(context: GraphQLContext, project: FakeProject, item: FakeProjectItem) {
  return {
    __typename: "ProjectV2Item",
    id: item.id,
    type: "ISSUE",
    isArchived: false,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    databaseId: null,
    fullDatabaseId: null,
    creator: null,
    project: () => projectNode(context, project),
    content: () => issueNode(context, item.repo, item.issue),
    fieldValues: (args: ConnectionArgs) => {
      const values = valueNodes(context, project, item);
      return connection("fieldValues", values, args, (value) => [values.indexOf(value)], (value) => value);
    },
    fieldValueByName: ({ name }: { name: string }) => {
      const field = project.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      return valueNodes(context, project, item).find((v) => (v as { field: { id: string } }).field.id === field?.id) ?? null;
    },
  };
}

export function projectNode(context: GraphQLContext, project: FakeProject) {
  return {
    __typename: "ProjectV2",
    id: project.id,
    number: project.number,
    title: project.title,
    closed: false,
    public: false,
    url: `${context.state.webUrl}/orgs/${project.org}/projects/${project.number}`,
    resourcePath: `/orgs/${project.org}/projects/${project.number}`,
    createdAt: project.created_at,
    updatedAt: project.created_at,
    fields: (args: ConnectionArgs) =>
      connection("fields", project.fields, args, (field) => [project.fields.indexOf(field)], (field) => fieldNode(context, project, field)),
    field: ({ name }: { name: string }) => {
      const field = project.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      return field ? fieldNode(context, project, field) : null;
    },
    items: (args: ConnectionArgs) =>
      connection("items", project.items, args, (item) => [project.items.indexOf(item)], (item) => itemNode(context, project, item)),
  };
}

/** Issue.projectItems: the issue's cards on boards the token may read (GitHub hides the others). */
export function issueProjectItems(context: GraphQLContext, issue: FakeIssue, args: ConnectionArgs) {
  const projects = projectsOf(context.state);
  const items = projects.itemsOf(issue).filter((item) => projects.projectOfItem(item).access !== "none");
  return connection("projectItems", items, args, (item) => [item.created_at, item.id], (item) => itemNode(context, projects.projectOfItem(item), item));
}

interface Input<T> {
  input: T & { clientMutationId?: string | null };
}

export const projectV2RootFields: RootFieldProvider = (context) => {
  const projects = projectsOf(context.state);
  const payload = (input: { clientMutationId?: string | null }, rest: Record<string, unknown>) => ({ clientMutationId: input.clientMutationId ?? null, ...rest });
  return {
    organization: ({ login }: { login: string }) => {
      if (!projects.hasOrg(login)) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to an Organization with the login of '${login}'.`);
      const org = context.state.user(login, "Organization");
      return {
        ...actorNode(context, org),
        __typename: "Organization",
        projectV2: ({ number }: { number: number }) => {
          const project = projects.find(login, number);
          if (!project) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a ProjectV2 with the number ${number}.`);
          return projectNode(context, readable(project));
        },
      };
    },
    addProjectV2ItemById: ({ input }: Input<{ projectId: string; contentId: string }>) => {
      const project = writable(context, input.projectId);
      return payload(input, { item: itemNode(context, project, projects.addItem(project, input.contentId)) });
    },
    updateProjectV2ItemFieldValue: ({ input }: Input<{ projectId: string; itemId: string; fieldId: string; value: Record<string, unknown> }>) => {
      const project = writable(context, input.projectId);
      return payload(input, { projectV2Item: itemNode(context, project, projects.setValue(project, input.itemId, input.fieldId, input.value)) });
    },
    clearProjectV2ItemFieldValue: ({ input }: Input<{ projectId: string; itemId: string; fieldId: string }>) => {
      const project = writable(context, input.projectId);
      return payload(input, { projectV2Item: itemNode(context, project, projects.setValue(project, input.itemId, input.fieldId, null)) });
    },
    createProjectV2Field: ({ input }: Input<{ projectId: string; dataType: ProjectFieldType; name: string; singleSelectOptions?: { name: string; color: string; description: string }[] | null }>) => {
      const project = writable(context, input.projectId);
      const field = projects.addField(project, input.name, input.dataType, input.dataType === "SINGLE_SELECT" ? input.singleSelectOptions ?? [] : []);
      return payload(input, { projectV2Field: fieldNode(context, project, field) });
    },
    updateProjectV2Field: ({ input }: Input<{ fieldId: string; name?: string | null; singleSelectOptions?: { name: string; color: string; description: string }[] | null }>) => {
      const found = projects.fieldById(input.fieldId);
      if (!found) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.fieldId}'`);
      writable(context, found.project.id);
      if (input.name) found.field.name = input.name;
      if (input.singleSelectOptions?.length) projects.setOptions(found.field, input.singleSelectOptions);
      return payload(input, { projectV2Field: fieldNode(context, found.project, found.field) });
    },
  };
};
