/**
 * AAA and the FAC authorization application (issue 6).
 *
 * <pre>
 *  call control ──authorize(request, context)──▶ FacAuthorizationApplication
 *                                                   │ (virtual thread per call)
 *                                                   ▼
 *                                    AuthPackage.run: lockout? ─▶ collect(user-prompt)
 *                                                   │           ─▶ [collect(passwd-prompt)]
 *                                                   ▼
 *                          LoginAuthenticator ─▶ MethodList(h323 | default | local)
 *                                                   │ next method only when Unavailable
 *                                  ┌────────────────┼──────────────────┐
 *                                  ▼                ▼                  ▼
 *                            LocalMethod      RadiusGroup (TinyRadius,   NoneMethod
 *                                             Message-Authenticator,
 *                                             failover, deadtime)
 * </pre>
 *
 * <p>Entry point for the gateway: {@link org.tollgate.aaa.AaaService}. Packages: {@code authpkg}
 * (the auth package and digit collection), {@code method} (method lists), {@code local},
 * {@code radius} (client, Cisco dictionary), {@code lockout}.
 */
package org.tollgate.aaa;
