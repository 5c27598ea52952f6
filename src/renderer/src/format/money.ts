// The formatting lives in src/shared/format so printed reports (built in main) format exactly as the screens.
export * from '../../../shared/format/money'
