/**
 * Call features (issue 8): call-forward, transfer, conference, park, pickup, and the FAC rules of
 * spec section 6. This package holds the feature data the state machine reads
 * ({@link org.tollgate.callcontrol.feature.FeatureSettings}, {@link org.tollgate.callcontrol.feature.FeatureCodes},
 * {@link org.tollgate.callcontrol.feature.FeatureRequest}) and the API types
 * ({@link org.tollgate.callcontrol.feature.FeatureOutcome}, {@link org.tollgate.callcontrol.feature.Side});
 * the orchestration across calls is {@code engine.FeatureService} ({@code CallControl.features()}).
 *
 * <pre>
 *  forward (inside one call):      A ──► B ✗ busy / no answer / all ──► re-route A's call to C (FAC: A)
 *  blind transfer / redirect:      call1 {A,B} ─detach A─► new call {A ──route──► C}   (FAC: A)
 *  consult transfer / pickup /     call1 {A,B} ─detach A─┐
 *  park retrieve:                  call2 {B',C} ─detach C┴► new call {A ═joined═ C}     (no FAC)
 *  park:                           call1 {A,B} ─detach A─► slot ─timeout─► new call {A ──route──► D} (FAC-exempt)
 *  conference / meet-me:           legs detached from their calls ─► ConferenceBridge (dsp mixer) (no FAC)
 * </pre>
 * The old calls end with cause 16 (released by the gateway) for the legs still in them; moved legs
 * are never released in between. See {@code docs/features.md}.
 */
package org.tollgate.callcontrol.feature;
