import * as auctions from './auctions/index.ts';
import * as auth from './auth/index.ts';
import { config } from './config.ts';
import { databaseStatus } from './db/connection.ts';
import * as dashboard from './dashboard/index.ts';
import * as deals from './deals/index.ts';
import * as follows from './follows/index.ts';
import * as files from './files/index.ts';
import * as inquiries from './inquiries/index.ts';
import * as ledger from './ledger/index.ts';
import * as listings from './listings/index.ts';
import * as idempotency from './http/idempotency.ts';
import { logger } from './logger.ts';
import * as notifications from './notifications/index.ts';
import * as offers from './offers/index.ts';
import * as orgs from './orgs/index.ts';
import * as payments from './payments/index.ts';
import * as search from './search/index.ts';
import * as stats from './stats/index.ts';

// The one door from the UI to the domain. server/main.ts builds these services
// once and hands them to Remix through getLoadContext; loaders and actions call
// `context.search.listings(actor, query)`. app/ imports this file for its types
// only (an ESLint rule holds that line), so the Remix bundle carries no second
// copy of any server module.

export function createAppServices() {
  return {
    auth: {
      authenticate: auth.authenticateRequest,
      can: auth.can,
      sessionCookie: auth.sessionCookie,
      blankSessionCookie: auth.blankSessionCookie,
      signup: auth.signup,
      login: auth.login,
      logout: auth.logout,
      logoutOtherSessions: auth.logoutOtherSessions,
      countSessions: auth.countSessions,
      getAccount: auth.getAccount,
      getSessionAccount: auth.getSessionAccount,
      verifyEmail: auth.verifyEmail,
      resendVerificationMail: auth.resendVerificationMail,
      requestPasswordReset: auth.requestPasswordReset,
      resetPassword: auth.resetPassword,
    },
    tokens: {
      list: auth.listApiTokens,
      create: auth.createApiToken,
      revoke: auth.revokeApiToken,
    },
    orgs: {
      get: orgs.getOrganization,
      list: orgs.listOrganizations,
      sitemap: orgs.sitemapOrganizations,
      verify: orgs.verifyOrganization,
      reject: orgs.rejectOrganization,
      invite: orgs.createInvitation,
      /** The owner or an admin records the organisation's unified social credit code (统一社会信用代码). */
      setCreditCode: orgs.setCreditCode,
      describeInvitation: orgs.describeInvitation,
    },
    listings: {
      get: listings.getListing,
      create: listings.createListing,
      editable: listings.editableListing,
      update: listings.updateListing,
      submit: listings.submitListing,
      withdraw: listings.withdrawListing,
      publish: listings.publishListing,
      reject: listings.rejectListing,
      history: listings.listingHistory,
      reviewQueue: listings.reviewQueue,
      /** Uploads (public, or confidential behind the NDA) and the data room's record (documents.ts, data-room.ts). */
      documents: {
        add: listings.addDocument,
        remove: listings.removeDocument,
        open: listings.openDocument,
        limitBytes: files.maxUploadBytes,
      },
      acceptNda: listings.acceptNda,
      /** What the data room offers this reader: inside, the NDA to accept, a log-in, or nothing. */
      ndaAccess: listings.ndaAccessOf,
      dataRoom: listings.dataRoomRecord,
      /** The multi-step form's progress, saved at every step (form-drafts.ts). */
      drafts: {
        start: listings.startDraft,
        get: listings.getDraft,
        save: listings.saveStep,
        finish: listings.finishDraft,
        discard: listings.discardDraft,
        addDocument: listings.addDraftDocument,
        list: listings.listDrafts,
      },
    },
    search: {
      /** Browsing, counting and faceting listings: the search engine, never the database. */
      listings: search.searchListings,
      suggest: search.suggestTitles,
      figures: search.marketplaceFigures,
      sitemap: search.sitemapListings,
    },
    dashboard: {
      /** The actor's organization's listings with their funnels, and what the user follows. */
      get: dashboard.getDashboard,
      /** A listing page's view, counted once per visitor and day (never throws). */
      countView: dashboard.countListingView,
    },
    follows: {
      follow: follows.followListing,
      unfollow: follows.unfollowListing,
      isFollowing: follows.isFollowing,
      list: follows.listFollowed,
    },
    outbox: {
      list: notifications.listOutbox,
    },
    /** Questions about listings: one thread per listing and asking organization. */
    inquiries: {
      ask: inquiries.askQuestion,
      /** What a listing page offers the viewer (a form, or why not) and their thread on it. */
      askStatus: inquiries.askStatus,
      reply: inquiries.replyInThread,
      /** Opening a thread marks it and its notifications read. */
      get: inquiries.getThread,
      list: inquiries.listThreads,
      awaitingReply: inquiries.threadsAwaitingReply,
    },
    /** Offers on listings and their counters (a thread per first offer), and license-now at listed terms. */
    /** A listing's auction: what the viewer may see of it, and bids. */
    auctions: {
      get: auctions.getAuction,
      bid: auctions.placeBid,
    },
    offers: {
      make: offers.makeOffer,
      get: offers.getOfferThread,
      list: offers.listOffers,
      accept: offers.acceptOffer,
      reject: offers.rejectOffer,
      counter: offers.counterOffer,
      withdraw: offers.withdrawOffer,
      licenseNow: offers.licenseNow,
      /** What a listing page shows of its listed licence (to everyone) and whether the viewer may take it. */
      licenseNowStatus: offers.licenseNowStatus,
      /** Whether a listing page shows "make an offer" to this reader. */
      offerLinkShown: offers.offerLinkShown,
    },
    /** `Idempotency-Key` on mutating API calls (app/utils/idempotency.server.ts). */
    idempotency: {
      claim: idempotency.claimIdempotencyKey,
      store: idempotency.storeIdempotentResponse,
      release: idempotency.releaseIdempotencyKey,
    },
    /** Deals made by accepted offers, license-now and auctions (created by those modules, not from here). */
    deals: {
      /** The deal, the steps the viewer may take and (for the buyer) how to pay. */
      get: deals.getDeal,
      complete: deals.completeDeal,
      cancel: deals.cancelDeal,
      confirmPayment: deals.confirmPayment,
      /** The buyer pays online: the deal's Stripe Checkout Session to send it to. */
      pay: deals.payDeal,
      recordRegistration: deals.recordRegistration,
      /** What the technology-contract registration needs (/deals/:id/registration and its CSV). */
      registration: deals.getRegistration,
      /** A party agrees, or withdraws its agreement, to show the amounts on the public ledger. */
      publishAmounts: deals.setAmountsPublication,
      object: deals.lodgeObjection,
      resolveObjection: deals.resolveObjection,
      /** Public: the deals in notice (公示). */
      notices: deals.listNotices,
      operatorQueue: deals.operatorDealQueue,
    },
    /** The public record of completed deals (appended by the deals module, not from here). */
    ledger: {
      list: ledger.listLedger,
      /** Walks the whole chain; requests arriving meanwhile share the walk. */
      verify: ledger.verifyLedgerFor,
    },
    /** The exchange's figures, read from the ledger (public; computed at most once a minute). */
    stats: {
      get: stats.getStats,
    },
    /** The in-app inbox: the header's bell and /notifications. */
    notifications: {
      list: notifications.listNotifications,
      unreadCount: notifications.unreadCount,
      markRead: notifications.markRead,
    },
    /** Stripe's webhooks; deal payments go through `deals`. */
    payments: {
      receiveStripeWebhook: payments.receiveStripeWebhook,
      /** The operator's /operator/payments: every payment, and the steps taken by hand. */
      list: payments.listPayments,
      getForOperator: payments.getPaymentForOperator,
      recordPayout: payments.recordPayout,
      refund: payments.refundByOperator,
      reconcile: payments.reconcileByOperator,
    },
    /** Receipts of succeeded payments and refunds (/receipts/:reference), for the parties and the operators. */
    receipts: {
      get: payments.getReceipt,
    },
    /** Sellers' Stripe Connect accounts (/account/payouts): their state comes from Stripe's account events. */
    payouts: {
      /** The page for the actor's organization: why not, offline, or its status (`from=return` reads Stripe afresh). */
      view: payments.payoutsView,
      /** Creates the connected account once and answers Stripe's onboarding link. */
      onboard: payments.startOnboarding,
    },
    /** Alliance membership fees: the operator's plans and offline invoices, the owner's Stripe subscription. */
    membership: {
      /** The actor's organization's state, plans and invoices (/account/membership). */
      page: payments.membership.membershipPage,
      subscribe: payments.membership.startSubscription,
      billingPortal: payments.membership.openBillingPortal,
      /** Public: the badge on an organization's page. */
      publicStatus: payments.membership.publicMembership,
      operatorView: payments.membership.operatorMemberships,
      createPlan: payments.membership.createPlan,
      updatePlan: payments.membership.updatePlan,
      issueInvoice: payments.membership.issueInvoice,
      markInvoicePaid: payments.membership.markInvoicePaid,
    },
    health: {
      /** What /healthz reports: each backing service, 'ok' or 'down', and the payment provider in use. */
      status: async () => ({
        db: await databaseStatus(),
        search: await search.searchStatus(),
        payments: payments.stripeConfigured() ? ('stripe' as const) : ('offline' as const),
      }),
    },
    logger,
    /** Where people reach the site (canonical links, sitemaps); not a secret. */
    publicUrl: config().PUBLIC_URL,
  };
}

export type AppServices = ReturnType<typeof createAppServices>;

/** What every loader and action receives as `context`. */
export interface AppContext extends AppServices {
  /** The client's address as Express saw it (rate limits use it). */
  clientIp: string;
  /** This response's Content-Security-Policy nonce for inline scripts. */
  cspNonce: string;
}

declare module '@remix-run/node' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
