using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Patterns;

/// <summary>
/// Realistic inputs for built-in grok patterns that the logstash spec vectors do not cover.
/// Expectations were derived by reading the logstash-patterns-core legacy definitions
/// (match rule as in tests/data/conformance/grok/README.md: unanchored search unless the
/// pattern anchors, '.' matches newline, empty or non-participating captures are unset).
/// Each capture is written "field=value"; "!field" means the field must not be captured.
/// </summary>
public sealed class GrokReferenceTests
{
    public static TheoryData<string, string, bool, string[]> Cases => new()
    {
        // --- httpd access logs
        { "^%{COMBINEDAPACHELOG}$", "2001:db8::1 - - [10/Oct/2023:13:55:36 +0200] \"GET /index.html?x=1 HTTP/1.1\" 200 - \"\" \"curl/8.0\"", true,
            ["clientip=2001:db8::1", "ident=-", "auth=-", "timestamp=10/Oct/2023:13:55:36 +0200", "verb=GET", "request=/index.html?x=1", "httpversion=1.1", "response=200", "!bytes", "referrer=\"\"", "agent=\"curl/8.0\"", "!rawrequest"] },
        { "^%{COMBINEDAPACHELOG}$", "203.0.113.9 - bob@example.com [01/Jan/2024:00:00:01 -0500] \"POST /api/v1/items HTTP/2.0\" 201 512 \"https://example.com/form?a=1\" \"Mozilla/5.0 (X11; Linux x86_64)\"", true,
            ["clientip=203.0.113.9", "auth=bob@example.com", "verb=POST", "request=/api/v1/items", "httpversion=2.0", "response=201", "bytes=512", "referrer=\"https://example.com/form?a=1\"", "agent=\"Mozilla/5.0 (X11; Linux x86_64)\""] },
        { "^%{COMMONAPACHELOG}$", "www.example.com - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326", true,
            ["clientip=www.example.com", "auth=frank", "verb=GET", "request=/apache_pb.gif", "httpversion=1.0", "response=200", "bytes=2326"] },
        { "^%{HTTPD_COMMONLOG}$", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"-\" 400 0", true,
            ["rawrequest=-", "!verb", "!request", "response=400", "bytes=0"] },
        { "^%{HTTPD_COMMONLOG}$", "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" - -", true,
            ["verb=GET", "request=/", "!response", "!bytes"] },
        { "^%{HTTPD_COMMONLOG}$", "127.0.0.1 - - [10/Oct/2000:13:55:36] \"GET / HTTP/1.1\" 200 1", false, [] },

        // --- httpd error logs
        { "^%{HTTPD_ERRORLOG}$", "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 1234:tid 5678] [client 192.0.2.1:5555] AH00124: Request exceeded the limit", true,
            ["timestamp=Wed Oct 11 14:32:52.123456 2000", "module=core", "loglevel=error", "pid=1234", "tid=5678", "clientip=192.0.2.1", "clientport=5555", "errorcode=AH00124", "message=Request exceeded the limit"] },
        { "^%{HTTPD_ERRORLOG}$", "[Sat Mar 02 10:00:00.000001 2024] [ssl:warn] [pid 77] AH01909: server certificate does NOT include an ID which matches the server name", true,
            ["module=ssl", "loglevel=warn", "pid=77", "!tid", "!clientip", "errorcode=AH01909", "message=server certificate does NOT include an ID which matches the server name"] },
        { "^%{HTTPD_ERRORLOG}$", "[Wed Oct 11 14:32:52 2000] [error] [client 127.0.0.1] client denied by server configuration: /export/home/live/ap/htdocs/test", true,
            ["timestamp=Wed Oct 11 14:32:52 2000", "loglevel=error", "clientip=127.0.0.1", "!module", "!pid", "message=client denied by server configuration: /export/home/live/ap/htdocs/test"] },
        { "^%{HTTPD20_ERRORLOG}$", "[Wed Oct 11 14:32:52 2000] [notice] Apache configured -- resuming normal operations", true,
            ["loglevel=notice", "!clientip", "message=Apache configured -- resuming normal operations"] },

        // --- syslog
        { "^%{SYSLOGLINE}$", "Mar  3 12:34:56 web01 sshd[4242]: Accepted publickey for deploy from 10.0.0.5 port 52100 ssh2", true,
            ["timestamp=Mar  3 12:34:56", "logsource=web01", "program=sshd", "pid=4242", "message=Accepted publickey for deploy from 10.0.0.5 port 52100 ssh2", "!timestamp8601"] },
        { "^%{SYSLOGLINE}$", "Mar 13 12:34:56 web01 CRON: (root) CMD (run-parts /etc/cron.hourly)", true,
            ["timestamp=Mar 13 12:34:56", "logsource=web01", "program=CRON", "!pid", "message=(root) CMD (run-parts /etc/cron.hourly)"] },
        { "^%{SYSLOGLINE}$", "2023-03-13T12:34:56.789+01:00 web01.example.org kernel: eth0: link up", true,
            ["timestamp8601=2023-03-13T12:34:56.789+01:00", "!timestamp", "logsource=web01.example.org", "program=kernel", "message=eth0: link up"] },
        { "^%{SYSLOGBASE} %{GREEDYDATA:rest}$", "Mar 13 12:34:56 <4.6> 10.1.2.3 postfix/smtpd[123]: connect from unknown", true,
            ["facility=4", "priority=6", "logsource=10.1.2.3", "program=postfix/smtpd", "pid=123", "rest=connect from unknown"] },
        { "^%{SYSLOGTIMESTAMP}$", "Sep  9 09:09:09", true, [] },
        { "^%{SYSLOGTIMESTAMP}$", "Sep 9 9:09", false, [] },
        { "^%{SYSLOG5424LINE}$", "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event log entry", true,
            ["syslog5424_pri=165", "syslog5424_ver=1", "syslog5424_ts=2003-10-11T22:14:15.003Z", "syslog5424_host=mymachine.example.com", "syslog5424_app=evntslog", "!syslog5424_proc", "syslog5424_msgid=ID47",
             "syslog5424_sd=[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"]", "syslog5424_msg=An application event log entry"] },
        { "^%{SYSLOG5424LINE}$", "<34>1 - - su 77 - - 'su root' failed for lonvick on /dev/pts/8", true,
            ["syslog5424_pri=34", "!syslog5424_ts", "!syslog5424_host", "syslog5424_app=su", "syslog5424_proc=77", "!syslog5424_msgid", "!syslog5424_sd", "syslog5424_msg='su root' failed for lonvick on /dev/pts/8"] },

        // --- log levels
        { "^%{LOGLEVEL:level}$", "WARN", true, ["level=WARN"] },
        { "^%{LOGLEVEL:level}$", "Warning", true, ["level=Warning"] },
        { "^%{LOGLEVEL:level}$", "warn", true, ["level=warn"] },
        { "^%{LOGLEVEL:level}$", "INFORMATION", true, ["level=INFORMATION"] },
        { "^%{LOGLEVEL:level}$", "info", true, ["level=info"] },
        { "^%{LOGLEVEL:level}$", "err", true, ["level=err"] },
        { "^%{LOGLEVEL:level}$", "Error", true, ["level=Error"] },
        { "^%{LOGLEVEL:level}$", "crit", true, ["level=crit"] },
        { "^%{LOGLEVEL:level}$", "CRITICAL", true, ["level=CRITICAL"] },
        { "^%{LOGLEVEL:level}$", "emerg", true, ["level=emerg"] },
        { "^%{LOGLEVEL:level}$", "EMERGENCY", true, ["level=EMERGENCY"] },
        { "^%{LOGLEVEL:level}$", "Fatal", true, ["level=Fatal"] },
        { "^%{LOGLEVEL:level}$", "SEVERE", true, ["level=SEVERE"] },
        { "^%{LOGLEVEL:level}$", "trace", true, ["level=trace"] },
        { "^%{LOGLEVEL:level}$", "Alert", true, ["level=Alert"] },
        { "^%{LOGLEVEL:level}$", "wArN", false, [] },
        { "^%{LOGLEVEL:level}$", "VERBOSE", false, [] },
        { "^%{LOGLEVEL:level}$", "Emergency!", false, [] },

        // --- timestamps
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-03-13T12:34:56,789+0100", true, ["ts=2023-03-13T12:34:56,789+0100"] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-03-13 12:34:56.123456Z", true, ["ts=2023-03-13 12:34:56.123456Z"] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-03-13T12:34-05:00", true, ["ts=2023-03-13T12:34-05:00"] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "20230313T1234", false, [] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-3-7T1234", true, ["ts=2023-3-7T1234"] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-13-01T00:00:00", false, [] },
        { "^%{TIMESTAMP_ISO8601:ts}$", "2023-03-13", false, [] },
        { "^%{HTTPDATE}$", "13/Mar/2023:12:34:56 +0000", true, [] },
        { "^%{DATESTAMP}$", "03/13/2023 12:34:56", true, [] },
        { "^%{DATE_EU}$", "13.03.2023", true, [] },
        { "^%{DATESTAMP}$", "13.03.2023-12:34:56.5", true, [] },
        { "^%{TIME}$", "12:34:56.5", true, [] },
        { "^%{DATESTAMP_RFC822}$", "Mon Mar 13 2023 12:34:56 PDT", true, [] },
        { "^%{DATESTAMP_RFC2822}$", "Mon, 13 Mar 2023 12:34:56 +0000", true, [] },
        { "^%{DATESTAMP_OTHER}$", "Mon Mar 13 12:34:56 UTC 2023", true, [] },
        { "^%{DATESTAMP_EVENTLOG}$", "20230313123456", true, [] },
        { "^%{TZ}$", "CEST", false, [] },
        { "^%{TZ}$", "EST", true, [] },
        { "^%{MONTH}$", "März", true, [] },
        { "^%{MONTH}$", "Okt", true, [] },
        { "^%{DAY}$", "Thursday", true, [] },
        { "^%{TIME}$", "23:59:60", true, [] },
        { "^%{TIME}$", "24:00:00", false, [] },

        // --- numbers, words, strings
        { "^%{NUMBER:n}$", "-1.5", true, ["n=-1.5"] },
        { "^%{NUMBER:n}$", ".5", true, ["n=.5"] },
        { "^%{NUMBER:n}$", "1e5", false, [] },
        { "^%{INT:n}$", "+42", true, ["n=+42"] },
        { "^%{POSINT}$", "0", false, [] },
        { "^%{NONNEGINT}$", "0", true, [] },
        { "^%{BASE16NUM}$", "0xDEADbeef", true, [] },
        { "^%{QUOTEDSTRING:q}$", "\"say \\\"hi\\\"\"", true, ["q=\"say \\\"hi\\\"\""] },
        { "^%{QS:q}$", "'single'", true, ["q='single'"] },
        { "^%{USERNAME}$", "john.doe-2_x", true, [] },
        { "^%{USER}$", "john doe", false, [] },
        { "%{WORD:w}", "  hello-world", true, ["w=hello"] },
        { "%{NOTSPACE:x} %{GREEDYDATA:rest}", "a=b c d", true, ["x=a=b", "rest=c d"] },
        { "^%{DATA:a},%{GREEDYDATA:b}$", "x,y,z", true, ["a=x", "b=y,z"] },
        { "^%{UUID}$", "123e4567-e89b-12d3-a456-426614174000", true, [] },
        { "^%{UUID}$", "123e4567e89b12d3a456426614174000", false, [] },

        // --- networking
        { "^%{IP:ip}$", "::1", true, ["ip=::1"] },
        { "^%{IP:ip}$", "fe80::1%eth0", true, ["ip=fe80::1%eth0"] },
        { "^%{IP:ip}$", "::ffff:192.0.2.128", true, ["ip=::ffff:192.0.2.128"] },
        { "^%{IP:ip}$", "192.168.0.1", true, ["ip=192.168.0.1"] },
        { "^%{IPV4}$", "256.1.1.1", false, [] },
        { "^%{IPV6}$", "2001:db8::g", false, [] },
        { "^%{MAC}$", "0123.4567.89ab", true, [] },
        { "^%{MAC}$", "01-23-45-67-89-AB", true, [] },
        { "^%{MAC}$", "01:23:45:67:89:ab", true, [] },
        { "^%{MAC}$", "01:23:45:67:89", false, [] },
        { "^%{HOSTNAME}$", "api-01.eu-west.example.com.", true, [] },
        { "^%{HOSTNAME}$", "-bad.example.com", false, [] },
        { "^%{IPORHOST:h}$", "db.internal", true, ["h=db.internal"] },
        { "^%{HOSTPORT}$", "example.com:8080", true, [] },
        { "^%{HOSTPORT}$", "example.com:0", false, [] },
        { "^%{HOSTPORT}$", "[::1]:8080", false, [] },

        // --- paths and URIs
        { "^%{PATH}$", "/var/log/nginx/access.log", true, [] },
        { "^%{PATH}$", "C:\\Windows\\System32\\drivers", true, [] },
        { "^%{URIPROTO}$", "svn+ssh", true, [] },
        { "^%{URI}$", "https://user:pw@example.com:8443/a/b;v=1?c=d&e=f[0]", true, ["port=8443"] },
        { "^%{URI}$", "ftp://10.0.0.1/file.txt", true, ["!port"] },
        { "^%{URI}$", "mailto:someone@example.com", false, [] },
        { "^%{URIPATHPARAM}$", "/search?q=a%20b&page=2", true, [] },
        { "^%{URIPATH}$", "/a b", false, [] },
        { "^%{URIHOST}$", "example.com:443", true, ["port=443"] },

        // --- PostgreSQL (legacy DATESTAMP is US/EU dates, so an ISO date is matched from its 3rd digit)
        { "%{POSTGRESQL}", "2023-03-13 12:34:56 UTC postgres 5f1a.2b 1234", true,
            ["timestamp=23-03-13 12:34:56", "user_id=postgres", "connection_id=5f1a.2b", "pid=1234"] },
        { "^%{POSTGRESQL}$", "03/13/2023 12:34:56 EST app_user [local] 4711", true,
            ["timestamp=03/13/2023 12:34:56", "user_id=app_user", "connection_id=[local]", "pid=4711"] },

        // --- Cisco ASA
        { "%{CISCO_TAGGED_SYSLOG} %{GREEDYDATA:cisco_message}", "<166>Mar 13 2023 12:34:56 fw01 : %ASA-6-302013: Built outbound TCP connection 1 for outside:10.0.0.1/443 (10.0.0.1/443) to inside:192.168.1.2/5555 (203.0.113.2/5555)", true,
            ["syslog_pri=166", "timestamp=Mar 13 2023 12:34:56", "sysloghost=fw01", "ciscotag=ASA-6-302013", "cisco_message=Built outbound TCP connection 1 for outside:10.0.0.1/443 (10.0.0.1/443) to inside:192.168.1.2/5555 (203.0.113.2/5555)"] },
        { "%{CISCO_TAGGED_SYSLOG}", "<166>Mar 13 12:34:56 fw01: ASA-6-302013: Built outbound TCP connection", false, [] },
        { "^%{CISCOFW106100_2_3}$", "access-list outside_in denied tcp for user 'alice' outside/10.1.1.1(1234) -> inside/10.2.2.2(80) hit-cnt 1 first hit [0x1a2b, 0x0]", true,
            ["policy_id=outside_in", "action=denied", "protocol=tcp", "src_fwuser=alice", "src_interface=outside", "src_ip=10.1.1.1", "src_port=1234", "dst_interface=inside", "dst_ip=10.2.2.2", "dst_port=80", "hit_count=1", "interval=first hit", "hashcode1=0x1a2b", "hashcode2=0x0"] },
        { "^%{CISCOFW106100}$", "access-list inside_in permitted udp inside/10.0.0.5(53000) -> outside/8.8.8.8(53) hit-cnt 12 300-second interval [0xdead, 0xbeef]", true,
            ["policy_id=inside_in", "action=permitted", "protocol=udp", "src_ip=10.0.0.5", "dst_ip=8.8.8.8", "dst_port=53", "hit_count=12", "interval=300-second interval"] },
        { "^%{CISCOFW106023}$", "Deny tcp src outside:198.51.100.7/4444 dst inside:10.0.0.8/22 by access-group \"outside_in\" [0x0, 0x0]", true,
            ["action=Deny", "protocol=tcp", "src_interface=outside", "src_ip=198.51.100.7", "src_port=4444", "dst_interface=inside", "dst_ip=10.0.0.8", "dst_port=22", "policy_id=outside_in"] },

        // --- SuSE firewall: both timestamp forms are captured as timestamp
        { "%{SFW2}", "2024-01-29T00:00:28+01:00 myth kernel: SFW2-INext-DROP-DEFLT IN=eth0 OUT= MAC= SRC=192.0.2.1 DST=192.0.2.2 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=1 PROTO=TCP SPT=1111 DPT=22 LEN=40", true,
            ["timestamp=2024-01-29T00:00:28+01:00", "nf_action=DROP-DEFLT", "nf_in_interface=eth0", "nf_src_ip=192.0.2.1", "nf_dst_ip=192.0.2.2", "nf_protocol=TCP", "nf_src_port=1111", "nf_dst_port=22"] },
        { "%{SFW2}", "Jan 29 00:00:28 myth kernel: SFW2-INext-ACC-TCP IN=eth0 OUT= MAC= SRC=192.0.2.1 DST=192.0.2.2 LEN=60 PROTO=UDP SPT=5353 DPT=5353", true,
            ["timestamp=Jan 29 00:00:28", "nf_action=ACC-TCP"] },

        // --- HAProxy
        { "^%{HAPROXYHTTP}$", "Sep 14 10:00:00 lb01 haproxy[1234]: 10.0.0.1:5555 [14/Sep/2023:10:00:00.123] fe-http be-app/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 \"GET /index.html?a=b HTTP/1.1\"", true,
            ["syslog_timestamp=Sep 14 10:00:00", "syslog_server=lb01", "program=haproxy", "pid=1234", "client_ip=10.0.0.1", "client_port=5555", "accept_date=14/Sep/2023:10:00:00.123",
             "haproxy_milliseconds=123", "frontend_name=fe-http", "backend_name=be-app", "server_name=srv1", "time_request=10", "time_queue=0", "time_backend_connect=30", "time_backend_response=69",
             "time_duration=109", "http_status_code=200", "bytes_read=2750", "captured_request_cookie=-", "captured_response_cookie=-", "termination_state=----", "retries=0",
             "http_verb=GET", "http_request=/index.html?a=b", "http_version=1.1"] },
        { "^%{HAPROXYTCP}$", "2023-09-14T10:00:00+00:00 lb01 haproxy[99]: 10.0.0.1:5555 [14/Sep/2023:10:00:00.001] fe-tcp be-db/db1 0/0/5007 212 -- 0/0/0/0/3 0/0", true,
            ["timestamp8601=2023-09-14T10:00:00+00:00", "program=haproxy", "pid=99", "frontend_name=fe-tcp", "backend_name=be-db", "server_name=db1", "time_queue=0", "time_backend_connect=0", "time_duration=5007",
             "bytes_read=212", "termination_state=--", "retries=3", "srv_queue=0", "backend_queue=0"] },

        // --- Java
        { "^%{JAVASTACKTRACEPART}$", "\tat com.example.Foo.bar(Foo.java:42)", true, ["class=com.example.Foo", "method=bar", "file=Foo.java", "line=42"] },
        { "^%{JAVASTACKTRACEPART}$", "    at java.lang.Thread.run(Unknown Source)", true, ["class=java.lang.Thread", "method=run", "file=Unknown Source", "!line"] },
        { "^%{JAVASTACKTRACEPART}$", "at com.example.Foo.<init>(Foo.java:10)", true, ["class=com.example.Foo", "method=<init>", "line=10"] },
        { "^%{TOMCATLOG}$", "2014-01-09 20:03:28,269 -0800 | ERROR | com.example.service.ExampleService - something unexpected happened", true,
            ["timestamp=2014-01-09 20:03:28,269 -0800", "level=ERROR", "class=com.example.service.ExampleService", "logmessage=something unexpected happened"] },
        { "^%{CATALINALOG}$", "Jan 9, 2014 7:13:13 AM org.apache.catalina.startup.Catalina start", true,
            ["timestamp=Jan 9, 2014 7:13:13 AM", "class=org.apache.catalina.startup.Catalina", "logmessage=start"] },

        // --- Nagios
        { "^%{NAGIOSLOGLINE}$", "[1427925600] SERVICE ALERT: host1;HTTP;CRITICAL;HARD;3;Connection refused", true,
            ["nagios_epoch=1427925600", "nagios_type=SERVICE ALERT", "nagios_hostname=host1", "nagios_service=HTTP", "nagios_state=CRITICAL", "nagios_statelevel=HARD", "nagios_attempt=3", "nagios_message=Connection refused"] },
        { "^%{NAGIOSLOGLINE}$", "[1427925600] HOST NOTIFICATION: admins;db01;DOWN;notify-host-by-email;PING CRITICAL - Packet loss = 100%", true,
            ["nagios_type=HOST NOTIFICATION", "nagios_notifyname=admins", "nagios_hostname=db01", "nagios_state=DOWN", "nagios_contact=notify-host-by-email", "nagios_message=PING CRITICAL - Packet loss = 100%"] },
        { "^%{NAGIOSLOGLINE}$", "[1427925600] EXTERNAL COMMAND: SCHEDULE_HOST_DOWNTIME;db01;1427925600;1427929200;1;0;3600;admin;patching", true,
            ["nagios_command=SCHEDULE_HOST_DOWNTIME", "nagios_hostname=db01", "nagios_start_time=1427925600", "nagios_end_time=1427929200", "nagios_fixed=1", "nagios_trigger_id=0", "nagios_duration=3600", "author=admin", "comment=patching"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_behaves_like_the_logstash_legacy_definition(string pattern, string input, bool shouldMatch, string[] expectations)
    {
        var translation = RegexTranslator.Translate(pattern, GrokLibrary.Default);
        Assert.True(translation.Success, string.Join("; ", translation.Errors));

        // As logstash: '.' matches '\n', and ^ and $ are line anchors (Ruby).
        var regex = new Regex(translation.Pattern, translation.Options | RegexOptions.Singleline | RegexOptions.Multiline, TimeSpan.FromSeconds(10));
        var match = GrokDebugger.Match(regex, translation, input);

        Assert.Equal(shouldMatch, match.Success);
        foreach (var expectation in expectations)
        {
            if (expectation.StartsWith('!'))
            {
                var absent = expectation[1..];
                Assert.False(match.Captures.ContainsKey(absent), $"capture '{absent}' should be absent but is '{match.Captures.GetValueOrDefault(absent)}'");
                continue;
            }

            var eq = expectation.IndexOf('=');
            var name = expectation[..eq];
            Assert.True(match.Captures.TryGetValue(name, out var actual), $"capture '{name}' is not set");
            Assert.Equal(expectation[(eq + 1)..], actual);
        }
    }
}
