using System.Security.Cryptography.X509Certificates;
using LogMetrics.Cli.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace LogMetrics.Cli.Daemon;

/// <summary>Kestrel HTTPS options from the web config. The certificate and the client CA are looked up per
/// connection, so a changed certificate file is served without a restart.</summary>
internal static class TlsListener
{
    public static void Configure(ListenOptions listen, TlsSettings initial, WebConfigProvider provider)
    {
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => (provider.Current.Tls ?? initial).Certificate,
            SslProtocols = initial.Protocols,
            CheckCertificateRevocation = false,
            ClientCertificateMode = initial.ClientAuth switch
            {
                ClientAuthType.RequestClientCert or ClientAuthType.VerifyClientCertIfGiven => ClientCertificateMode.AllowCertificate,
                ClientAuthType.RequireAnyClientCert or ClientAuthType.RequireAndVerifyClientCert => ClientCertificateMode.RequireCertificate,
                _ => ClientCertificateMode.NoCertificate,
            },
            ClientCertificateValidation = (certificate, _, _) => Validate(certificate, provider.Current.Tls ?? initial),
        });
    }

    private static bool Validate(X509Certificate2 certificate, TlsSettings tls)
    {
        if (tls.ClientAuth is ClientAuthType.RequestClientCert or ClientAuthType.RequireAnyClientCert)
        {
            return true;
        }

        if (tls.ClientCertificateAuthorities is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(tls.ClientCertificateAuthorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
