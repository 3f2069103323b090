/** The admission bucket with a fake clock, for unit tests. */
export { Admission } from '../../cloudhub/admission.js';
import { admissionConfig, type AdmissionOptions } from '../../cloudhub/admission-config.js';

export function admissionConfigForTest(o: AdmissionOptions): ReturnType<typeof admissionConfig> {
  return admissionConfig(o);
}
