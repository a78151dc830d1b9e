/**
 * Authentication policies a plugin can add ({@code AuthenticationPolicy}, picked by name from {@code
 * multiauth.policies}; {@code AuthenticationPolicyFactory}, making a policy of each name whose
 * {@code multiauth.policy.<name>.use} names it).
 */
package org.jinto.api.auth;
