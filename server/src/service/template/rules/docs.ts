import { ruleDefiner } from '../../common/findings';

/** The page template rules link to by default, and the definer that names them (template/…). */

export const TEMPLATE_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html';

export const define = ruleDefiner('template', TEMPLATE_DOCS);
