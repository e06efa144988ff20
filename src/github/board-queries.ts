/**
 * Every GraphQL document the board mirror sends: fixed queries, and builders for the batched
 * mutations (aliases, one variable set per alias). test/github/board-queries.test.ts validates
 * them all against GitHub's published schema.
 */

/** A field's id, name and type, and a single select's options: enough to write and to extend it. */
export const FIELD_SELECTION = `__typename
          ... on ProjectV2Field { id name dataType }
          ... on ProjectV2IterationField { id name dataType }
          ... on ProjectV2SingleSelectField { id name dataType options { id name color description } }`;

/** The values a card shows, by field id; other fields' values (Title, Status, …) are skipped by id. */
export const FIELD_VALUES_SELECTION = `fieldValues(first: 50) {
        nodes {
          __typename
          ... on ProjectV2ItemFieldSingleSelectValue { optionId field { ... on ProjectV2FieldCommon { id } } }
          ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { id } } }
          ... on ProjectV2ItemFieldDateValue { date field { ... on ProjectV2FieldCommon { id } } }
        }
      }`;

/**
 * The selection to put inside any `Issue { … }` a caller already reads, so a change needs no extra
 * read for the card: pass the result to `boardItemOf`. Cost: 20 × 50 nodes per issue.
 */
export const ISSUE_PROJECT_ITEMS_SELECTION = `projectItems(first: 20) {
      nodes {
        id
        project { id }
        ${FIELD_VALUES_SELECTION}
      }
    }`;

export const BOARD_FIELDS_QUERY = `
  query BoardFields($owner: String!, $number: Int!) {
    organization(login: $owner) {
      projectV2(number: $number) {
        id
        title
        fields(first: 100) {
          nodes {
          ${FIELD_SELECTION}
          }
        }
      }
    }
  }
`;

export const ISSUE_BOARD_ITEM_QUERY = `
  query IssueBoardItem($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        id
        ${ISSUE_PROJECT_ITEMS_SELECTION}
      }
    }
  }
`;

export const BOARD_ITEMS_QUERY = `
  query BoardItems($owner: String!, $number: Int!, $after: String) {
    organization(login: $owner) {
      projectV2(number: $number) {
        items(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            id
            content { __typename ... on Issue { number repository { nameWithOwner } } }
            ${FIELD_VALUES_SELECTION}
          }
        }
      }
    }
  }
`;

export interface Document {
  query: string;
  variables: Record<string, unknown>;
}

/** Node ids of issues by number, up to 100 aliases per request (numbers are integers, so inlined). */
export function issueIdsQuery(owner: string, name: string, numbers: readonly number[]): Document {
  const fields = numbers.map((number, i) => `i${i}: issue(number: ${Math.trunc(number)}) { id number }`);
  return {
    query: `query IssueNodeIds($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join("\n    ")}\n  }\n}`,
    variables: { owner, name },
  };
}

/** addProjectV2ItemById per issue, aliased a0…; GitHub answers the existing card for an issue already on the board. */
export function addItemsMutation(projectId: string, contentIds: readonly string[]): Document {
  const variables: Record<string, unknown> = { projectId };
  const params = contentIds.map((id, i) => {
    variables[`content${i}`] = id;
    return `$content${i}: ID!`;
  });
  const fields = contentIds.map(
    (_, i) => `a${i}: addProjectV2ItemById(input: { projectId: $projectId, contentId: $content${i} }) { item { id ${FIELD_VALUES_SELECTION} } }`,
  );
  return { query: `mutation AddBoardItems($projectId: ID!, ${params.join(", ")}) {\n  ${fields.join("\n  ")}\n}`, variables };
}

/** One field write: a value for updateProjectV2ItemFieldValue, or null to clear. */
export interface FieldWrite {
  itemId: string;
  fieldId: string;
  value: { singleSelectOptionId: string } | { text: string } | { date: string } | null;
}

/** Every write in one request, aliased w0…, in order. */
export function setFieldsMutation(projectId: string, writes: readonly FieldWrite[]): Document {
  const variables: Record<string, unknown> = { projectId };
  const params: string[] = [];
  const fields = writes.map((write, i) => {
    variables[`item${i}`] = write.itemId;
    variables[`field${i}`] = write.fieldId;
    params.push(`$item${i}: ID!`, `$field${i}: ID!`);
    const target = `projectId: $projectId, itemId: $item${i}, fieldId: $field${i}`;
    if (write.value === null) return `w${i}: clearProjectV2ItemFieldValue(input: { ${target} }) { projectV2Item { id } }`;
    variables[`value${i}`] = write.value;
    params.push(`$value${i}: ProjectV2FieldValue!`);
    return `w${i}: updateProjectV2ItemFieldValue(input: { ${target}, value: $value${i} }) { projectV2Item { id } }`;
  });
  return { query: `mutation SetBoardFields($projectId: ID!, ${params.join(", ")}) {\n  ${fields.join("\n  ")}\n}`, variables };
}

export interface OptionInput {
  name: string;
  color: string;
  description: string;
}

export type FieldSetup =
  | { create: { name: string; dataType: "SINGLE_SELECT" | "TEXT" | "DATE"; options: OptionInput[] } }
  | { setOptions: { fieldId: string; options: OptionInput[] } };

/** Creates missing fields and rewrites option lists in one request, aliased f0…, answering each field. */
export function setupFieldsMutation(projectId: string, setups: readonly FieldSetup[]): Document {
  const variables: Record<string, unknown> = { projectId };
  const params: string[] = [];
  const fields = setups.map((setup, i) => {
    const answer = `{ projectV2Field { ${FIELD_SELECTION} } }`;
    if ("create" in setup) {
      variables[`name${i}`] = setup.create.name;
      variables[`type${i}`] = setup.create.dataType;
      params.push(`$name${i}: String!`, `$type${i}: ProjectV2CustomFieldType!`);
      let options = "";
      if (setup.create.dataType === "SINGLE_SELECT") {
        variables[`options${i}`] = setup.create.options;
        params.push(`$options${i}: [ProjectV2SingleSelectFieldOptionInput!]`);
        options = `, singleSelectOptions: $options${i}`;
      }
      return `f${i}: createProjectV2Field(input: { projectId: $projectId, dataType: $type${i}, name: $name${i}${options} }) ${answer}`;
    }
    variables[`fieldId${i}`] = setup.setOptions.fieldId;
    variables[`options${i}`] = setup.setOptions.options;
    params.push(`$fieldId${i}: ID!`, `$options${i}: [ProjectV2SingleSelectFieldOptionInput!]`);
    return `f${i}: updateProjectV2Field(input: { fieldId: $fieldId${i}, singleSelectOptions: $options${i} }) ${answer}`;
  });
  // GraphQL rejects a declared variable that no field uses.
  if (setups.some((setup) => "create" in setup)) params.unshift("$projectId: ID!");
  else delete variables.projectId;
  return { query: `mutation SetUpBoardFields(${params.join(", ")}) {\n  ${fields.join("\n  ")}\n}`, variables };
}
