namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>
/// Every example program with a log that exercises it. access.log is 500 lines of
/// `gen_access_log.py 500 42` (the benchmark's generator); lighttpd and vsftpd pick their rules by file name,
/// which the testdata names satisfy.
/// </summary>
internal static class ExampleCases
{
    public static readonly IReadOnlyList<ExampleCase> All =
    [
        new("apache_combined", "testdata/apache-combined.log"),
        new("apache_combined", "access.log"),
        new("apache_common", "testdata/apache-common.log"),
        new("apache_common", "access.log"),
        new("apache_metrics", "apache_metrics.log"),
        new("dhcpd", "dhcpd.log"),
        new("histogram", "histogram.log"),
        new("lighttpd", "testdata/lighttpd_access.log"),
        new("linecount", "access.log"),
        new("mysql_slowqueries", "testdata/mysql_slowqueries.log"),
        new("nocode", "access.log"),
        new("ntpd", "testdata/ntp4"),
        new("ntpd_peerstats", "testdata/xntp3_peerstats"),
        new("postfix", "postfix.log"),
        new("rails", "rails.log"),
        new("rsyncd", "testdata/rsyncd.log"),
        new("sftp", "testdata/sftp_chroot.log"),
        new("timer", "timer.log"),
        new("vsftpd", "testdata/vsftpd_log"),
        new("vsftpd", "testdata/vsftpd_xferlog"),
    ];

    public static TheoryData<string> Ids => new(All.Select(c => c.Id));

    public static ExampleCase Get(string id) => All.Single(c => c.Id == id);
}
