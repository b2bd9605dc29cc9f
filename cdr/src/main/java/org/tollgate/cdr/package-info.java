/**
 * Call detail records and accounting (issue 7) and feature records (issue 8).
 *
 * <pre>
 * callcontrol CallRecordEvent / FeatureRecordEvent (immutable, per call in order)
 *   -> record.CallRecordFolder      one CallLegRecord per leg; live legs for show call active voice;
 *                                   one FeatureRecord per feature event, at once
 *   -> store.DurableWriter          group commit: cdr_record / cdr_feature + cdr_queue_&lt;sink&gt; rows, one transaction
 *   -> sink.SinkRunner (per sink)   own thread, in order, retried until acknowledged
 *        sink.radius.RadiusSink     Accounting-Request STOP via RadiusAccountingPort (gateway: aaa client); feature-vsa=
 *        sink.file.FileSink         CSV compact/detailed, rotation, flush
 *        sink.syslog.SyslogSink     %VOIPAAA-5-VOIP_CALL_HISTORY / VOIP_FEAT_HISTORY over UDP, RFC 5424 / 3164
 * show.CdrCommands                  show call active|history voice, clear call voice
 * service.CdrService                wires all of it; service.CdrSinks builds sinks from the configuration
 * </pre>
 * Call control only enqueues; nothing here ever blocks it.
 */
package org.tollgate.cdr;
