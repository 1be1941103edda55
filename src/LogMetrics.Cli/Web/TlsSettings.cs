using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace LogMetrics.Cli.Web;

/// <summary>TLS as the web config asks for it.</summary>
internal sealed record TlsSettings(
    X509Certificate2 Certificate,
    ClientAuthType ClientAuth,
    X509Certificate2Collection? ClientCertificateAuthorities,
    SslProtocols Protocols)
{
    public static TlsSettings Load(TlsServerConfig config, string directory, string path, List<string> files)
    {
        string Resolve(string file)
        {
            var full = Path.GetFullPath(Path.Combine(directory, file));
            files.Add(full);
            return full;
        }

        if (config.CertFile is not { Length: > 0 } && config.Cert is not { Length: > 0 })
        {
            throw new WebConfigException($"{path}: tls_server_config needs cert_file (or cert)");
        }

        if (config.KeyFile is not { Length: > 0 } && config.Key is not { Length: > 0 })
        {
            throw new WebConfigException($"{path}: tls_server_config needs key_file (or key)");
        }

        string certPem, keyPem;
        try
        {
            certPem = config.CertFile is { Length: > 0 } ? File.ReadAllText(Resolve(config.CertFile)) : config.Cert ?? "";
            keyPem = config.KeyFile is { Length: > 0 } ? File.ReadAllText(Resolve(config.KeyFile)) : config.Key ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebConfigException($"{path}: tls_server_config: {e.Message}");
        }

        if (certPem.Length == 0 || keyPem.Length == 0)
        {
            throw new WebConfigException($"{path}: tls_server_config needs cert_file and key_file (or cert and key)");
        }

        X509Certificate2 certificate;
        try
        {
            using var pem = X509Certificate2.CreateFromPem(certPem, keyPem);
            // Kestrel needs a certificate whose key is usable by SslStream; exporting to PKCS#12 gives one.
            certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new WebConfigException($"{path}: tls_server_config: cannot load the certificate and key: {e.Message}");
        }

        if (!Enum.TryParse<ClientAuthType>(config.ClientAuthType is { Length: > 0 } t ? t : nameof(ClientAuthType.NoClientCert), out var clientAuth))
        {
            throw new WebConfigException(
                $"{path}: tls_server_config: unknown client_auth_type '{config.ClientAuthType}' (use one of {string.Join(", ", Enum.GetNames<ClientAuthType>())})");
        }

        X509Certificate2Collection? authorities = null;
        if (config.ClientCaFile is { Length: > 0 })
        {
            authorities = [];
            try
            {
                authorities.ImportFromPemFile(Resolve(config.ClientCaFile));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new WebConfigException($"{path}: tls_server_config: cannot read client_ca_file: {e.Message}");
            }
        }
        else if (clientAuth is ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert)
        {
            throw new WebConfigException($"{path}: tls_server_config: client_auth_type {clientAuth} needs client_ca_file");
        }

        var min = ParseVersion(config.MinVersion, SslProtocols.Tls12, path);
        var max = ParseVersion(config.MaxVersion, SslProtocols.Tls13, path);
        var protocols = SslProtocols.None;
        foreach (var protocol in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
        {
            if (protocol >= min && protocol <= max)
            {
                protocols |= protocol;
            }
        }

        if (protocols == SslProtocols.None)
        {
            throw new WebConfigException($"{path}: tls_server_config: min_version is above max_version");
        }

        return new TlsSettings(certificate, clientAuth, authorities, protocols);
    }

    private static SslProtocols ParseVersion(string? version, SslProtocols fallback, string path) => version switch
    {
        null or "" => fallback,
        "TLS12" => SslProtocols.Tls12,
        "TLS13" => SslProtocols.Tls13,
        "TLS10" or "TLS11" => throw new WebConfigException($"{path}: tls_server_config: {version} is not supported; use TLS12 or TLS13"),
        _ => throw new WebConfigException($"{path}: tls_server_config: unknown TLS version '{version}' (use TLS12 or TLS13)"),
    };
}
