namespace LogMetrics.Cli.Web;

/// <summary>The exporter-toolkit client_auth_type values (Go's tls.ClientAuthType names).</summary>
internal enum ClientAuthType
{
    NoClientCert,
    RequestClientCert,
    RequireAnyClientCert,
    VerifyClientCertIfGiven,
    RequireAndVerifyClientCert,
}
