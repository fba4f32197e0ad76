import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { nav, storedRows, toast } from './helpers';

/**
 * One role vocabulary in the Spanish console: a role typed as "portavoz" in the person editor, or
 * given as "Responsable de crisis" in an imported file, is stored as the role the playbooks and the
 * trees use (spokesperson, crisis-lead), shown back by its Spanish label, and a tree's role node
 * finds that person instead of warning that nobody holds the role.
 */

test.use({ locale: 'es-ES', timezoneId: 'Europe/Madrid' });

const editor = (page: Page) => page.getByTestId('person-editor');
const roles = (page: Page) => editor(page).locator('#person-roles');
const peopleList = (page: Page) => page.getByRole('listbox', { name: 'Personas' });
const personRow = (page: Page, name: string) => peopleList(page).getByRole('option').filter({ has: page.locator('.person-row-title').getByText(name, { exact: true }) });
const treeEditor = (page: Page) => page.getByTestId('tree-editor');
const treeNode = (page: Page, label: string) =>
  treeEditor(page).getByTestId('tree-node').filter({ has: page.locator(':scope > .tree-node-card .tree-node-label', { hasText: new RegExp(`^${label}$`) }) });

type StoredPerson = { name: string; roles: string[] };
type StoredTree = { name: string; nodes: { target: { kind: string; role?: string } }[] };

async function goTo(page: Page, view: string): Promise<void> {
  await nav(page).getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: view })).toBeAttached();
}

async function addRoleNode(page: Page, role: string): Promise<void> {
  const form = treeEditor(page).locator('form.tree-add');
  await form.getByRole('radio', { name: 'Un rol (quien lo tenga)' }).check();
  await form.getByTestId('tree-add-role').fill(role);
  await form.getByRole('button', { name: 'Añadir', exact: true }).press('Enter');
}

test('a role typed or imported in Spanish is the role trees and playbooks use', async ({ desk: page }) => {
  await goTo(page, 'Personas');
  await expect(page.locator('#people-count')).toHaveText('Nadie');

  // The editor offers and explains roles by their Spanish labels, not by their codes.
  await page.keyboard.press('Alt+n');
  await expect(editor(page).getByRole('heading', { name: 'Nueva persona' })).toBeVisible();
  await expect(editor(page).locator('#person-roles-hint')).toContainText('Responsable de la crisis, Responsable de comunicación, Community manager, Portavoz, Asesoría jurídica');
  await expect(editor(page).locator('#person-roles-hint')).not.toContainText('spokesperson');
  await expect(editor(page).locator('#person-known-roles option').first()).toHaveAttribute('value', 'Responsable de la crisis');
  await editor(page).getByRole('textbox', { name: 'Nombre' }).fill('Ana Portas');
  await roles(page).fill('portavoz, Jefa de prensa');
  await roles(page).press('Enter');
  await expect(toast(page)).toHaveText('Ana Portas: añadida al directorio.');
  expect((await storedRows<StoredPerson>(page, 'people')).map((p) => [p.name, p.roles])).toEqual([['Ana Portas', ['spokesperson', 'Jefa de prensa']]]);

  // Reopened, she shows the same labels; saved untouched, nothing changes.
  await editor(page).getByRole('button', { name: 'Cerrar' }).click();
  await personRow(page, 'Ana Portas').click();
  await expect(roles(page)).toHaveValue('Portavoz; Jefa de prensa');
  await expectAccessible(page, 'person editor, roles by label (es)');
  await roles(page).press('Enter');
  await expect(toast(page)).toHaveText('Ana Portas: guardado.');
  expect((await storedRows<StoredPerson>(page, 'people'))[0]!.roles).toEqual(['spokesperson', 'Jefa de prensa']);
  await editor(page).getByRole('button', { name: 'Cerrar' }).click();

  // An import's role column is read the same way, and its preview shows the labels.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importar CSV o vCard…' }).click();
  await (await chooser).setFiles({ name: 'gente.csv', mimeType: 'text/csv', buffer: Buffer.from('nombre;rol\nBea Ruiz;Responsable de crisis|Abogada\n', 'utf8') });
  const preview = page.getByTestId('people-import-rows');
  await expect(preview.locator('thead th')).toHaveText(['Línea', 'Nombre', 'Roles', 'Correo', 'Teléfonos']);
  await expect(preview.locator('tbody tr')).toHaveText([['2', 'Bea Ruiz', 'Responsable de la crisis, Asesoría jurídica', '', ''].join('')]);
  await expectAccessible(page, 'people import preview with roles (es)');
  await page.getByTestId('people-import-confirm').click();
  await expect(page.getByTestId('people-import')).toBeHidden();
  const bea = (await storedRows<StoredPerson>(page, 'people')).find((p) => p.name === 'Bea Ruiz');
  expect(bea?.roles).toEqual(['crisis-lead', 'legal']);

  // A tree: role nodes typed in Spanish find the people who hold those roles.
  await goTo(page, 'Árboles');
  await page.getByTestId('tree-new-name').fill('Sede');
  await page.getByTestId('tree-new-name').press('Enter');
  await expect(treeEditor(page).getByRole('heading', { level: 2, name: 'Sede' })).toBeVisible();
  await addRoleNode(page, 'portavoz');
  await addRoleNode(page, 'Responsable de crisis');
  await addRoleNode(page, 'Seguridad informática');
  const warnings = (label: string) => treeNode(page, label).locator(':scope > .tree-node-card [data-testid="node-warnings"]');
  await expect(treeNode(page, 'Rol: Portavoz').locator(':scope > .tree-node-card .tree-node-sequence')).toHaveText('Llama a: Ana Portas');
  await expect(treeNode(page, 'Rol: Responsable de la crisis').locator(':scope > .tree-node-card .tree-node-sequence')).toHaveText('Llama a: Bea Ruiz');
  for (const held of ['Rol: Portavoz', 'Rol: Responsable de la crisis']) {
    await expect(warnings(held)).toBeVisible();
    await expect(warnings(held)).not.toContainText('Nadie tiene el rol');
  }
  // The check above can fail: a role nobody holds does warn.
  await expect(warnings('Rol: Seguridad informática')).toContainText('Nadie tiene el rol Seguridad informática.');
  const [tree] = await storedRows<StoredTree>(page, 'contactTrees');
  expect(tree!.nodes.map((n) => n.target.role)).toEqual(['spokesperson', 'crisis-lead', 'it-security']);
  await expectAccessible(page, 'tree editor with role nodes (es)');
});
