/**
 * The commands that run the rescue-VM script, shown in its help and in the runbooks (which read
 * them from the artifact's meta, so what they show is what this emitter generated).
 *
 * --run-on-repair is what makes az vm repair run use the rescue VM: without it the script runs
 * on the broken VM itself. Parameters reach the script as "-Name value" strings.
 */
export interface Invocations {
  diagnose: string;
  repairAll: string;
  repairSome: string;
  undo: string;
  byHand: string;
}

export function invocations(scriptPath: string, fileName: string): Invocations {
  const run = `az vm repair run --resource-group <rg> --name <vm> --run-on-repair --custom-script-file ${scriptPath} --verbose --parameters`;
  return {
    diagnose: `${run} Mode=Diagnose`,
    repairAll: `${run} Mode=Repair Repair=all`,
    repairSome: `${run} Mode=Repair Repair=<fix-id>,<fix-id>`,
    undo: `${run} Mode=Undo`,
    byHand: `powershell -NoProfile -ExecutionPolicy Bypass -File .\\${fileName} Mode=Diagnose`,
  };
}
